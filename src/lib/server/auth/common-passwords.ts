// The most common passwords in public breach corpora (and Japanese favourites);
// refused at sign-up and password change. Compared lower-cased.
export const COMMON_PASSWORDS = new Set([
	'12345678', '123456789', '1234567890', '12345678910', '123123123', '11111111', '00000000',
	'88888888', '87654321', '11223344', '12341234', '123qweasd', '1q2w3e4r', '1q2w3e4r5t',
	'1qaz2wsx', 'qwertyui', 'qwertyuiop', 'qwerty123', 'qwe12345', 'asdfghjkl', 'asdf1234',
	'zxcvbnm1', 'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd',
	'p@ssword', 'iloveyou', 'iloveyou1', 'princess', 'sunshine', 'football', 'baseball',
	'superman', 'starwars', 'whatever', 'trustno1', 'letmein1', 'welcome1', 'welcome123',
	'abc12345', 'abcd1234', 'abcdefgh', 'admin123', 'administrator', 'changeme', 'computer',
	'internet', 'michelle', 'jennifer', 'charlie1', 'dragon12', 'monkey12', 'master12',
	'shadow12', 'liverpool', 'chelsea1', 'pokemon1', 'naruto12', 'doraemon', 'pikachu1',
	'sakura12', 'tokyo123', 'nihon123', 'japan123', 'hello123', 'test1234', 'testtest',
	'aaaaaaaa', 'a1234567', 'aa123456', 'qazwsxedc', 'zaq12wsx', 'q1w2e3r4', 'q1w2e3r4t5',
	'1234qwer', 'qwer1234', 'asdfasdf', 'google123', 'samsung1', 'tsunagu1', 'tsunagu123'
]);
