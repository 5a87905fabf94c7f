// Markdown from people → safe HTML. Only this function's output may be rendered with {@html}.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const ALLOWED: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'hr', 'h2', 'h3', 'h4', 'a'],
	allowedAttributes: { a: ['href'] },
	allowedSchemes: ['http', 'https', 'mailto', 'tel'],
	allowProtocolRelative: false,
	transformTags: {
		a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
		h1: 'h2'
	}
};

export function renderMarkdown(source: string): string {
	const html = marked.parse(source, { async: false, gfm: true, breaks: true });
	return sanitizeHtml(html, { ...ALLOWED, allowedAttributes: { a: ['href', 'rel'] } });
}
