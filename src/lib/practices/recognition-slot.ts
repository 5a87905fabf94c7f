// What the home page and a practice page show of an award (表彰). The awards
// themselves (recentAwards, awardsFor in db/awards.ts) belong to recognition:
// whoever wires them maps their rows to this shape. Client-safe.

export interface RecognitionItem {
	id: string;
	/** the award's name: 令和8年度 地域づくり大賞 */
	name: string;
	/** the date it was given, yyyy-mm-dd (a Tokyo date) */
	awardedOn: string;
	/** who received it (a practice's title, an organization's or a person's name) */
	recipientName: string;
	/** where the award is shown (its recipient's page or /recognition) */
	href: string;
}
