;; libxml-parse-html-region: the tree libxml2 gives Emacs for HTML as found: implied html/head/body,
;; which start tags close which elements, end tags, whitespace, entities, attributes, a realistic page.
;; Outputs compared with GNU Emacs 28.2.
(dolist (s '("<p>Hi <b>there</b><br>x</p>" "<html><head><title>T</title></head><body><p>a</p></body></html>" "<title>T</title><p>x" "<ul><li>one<li>two</ul>" "<p>a<p>b" "<div><p>a</div>b" "<P CLASS=x>Up</P>" "<a href=foo.html>l</a>" "<input checked disabled=\"\">" "text only" "<p>&nbsp;&amp;&copy;&#65;&bogus;</p>" "<!-- c --><p>x</p>" "<table><tr><td>1<td>2</table>" "<p>  spaced  </p>\n<p>\n</p>" "<script>if (a<b) {}</script><p>x</p>" "<img src=a.png><span>s</span>" "" "<!DOCTYPE html><html><body>x</body></html>" "<meta charset=utf-8><link rel=x><p>y"))
  (print (list s (with-temp-buffer (insert s) (libxml-parse-html-region (point-min) (point-max))))))

(dolist (s '("<!DOCTYPE html>\n<html>\n<head>\n  <title>T</title>\n  <meta charset=\"utf-8\">\n</head>\n<body>\n  <div id=\"main\">\n    <h1>Head</h1>\n    <p>Para <a href=\"/x\">link</a>.</p>\n  </div>\n</body>\n</html>\n"
             "<div>a<span>b</div>c" "<p>one<div>two</div>" "<b><i>x</b>y</i>" "<select><option>a<option>b</select>" "<dl><dt>t<dd>d<dt>u</dl>" "<h1>a<h2>b" "<p>x</span>y</p>" "<body><p>a</p></body><p>late</p>" "</p>" "<br/><hr />" "<a href='q'>x</a>" "<td>cell</td>" "<p>a &lt b &amp c &#x41;</p>" "<P>A<BR>B</P>" "<ul>\n<li>a\n<li>b\n</ul>"))
  (print (list s (with-temp-buffer (insert s) (libxml-parse-html-region (point-min) (point-max))))))

(dolist (s '("<ol>\n<li>a</li>\n</ol>" "<table>\n<tr>\n<td>x</td>\n</tr>\n</table>" "<div>\n<span>a</span>\n<ul>\n<li>b</li>\n</ul>\n</div>" "<p>a <i>z</i> <b>y</b></p>" "<p>a<wbr>b</p>" "<video><source src=x><track src=y></video>" "<p>x<embed src=y>z</p>" "<html>\n<body>\n<p>a</p>\n</body>\n</html>" "<body>\n<p>a</p>\n</body>" "<div> <!-- c --> <p>x</p></div>" "<p>\n<b>x</b>\n</p>" "<table><td>x</table>" "<form><input name=a><form>" "<span>a<div>b</div></span>" "<p><table><tr><td>x</td></tr></table>" "<em>a<p>b</em>c" "<ul><li>a<ul><li>b</ul><li>c</ul>" "<select><option>a<optgroup><option>b</select>" "<p>a</P>b" "<h1>x</h1>\n\n<h2>y</h2>" "&amp; at top" "<title>a &amp; b</title>" "<p>&euro;&hellip;&mdash;&NotAnEntity;&#1234;&#xZZ;</p>" "<a href=\"x?a=1&b=2\">l</a>" "<br>" "<b>bold"))
  (print (list s (with-temp-buffer (insert s) (libxml-parse-html-region (point-min) (point-max))))))

(dolist (s '("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>X</title><link rel=stylesheet href=a.css><style>p{}</style></head><body class=\"c\"><h1 id=top>T <small>s</small></h1><p>One<p>Two<ul><li><a href=\"#\">L1</a><li>L2</ul><table border=1><tr><th>H<td>D</tr></table></body></html>"
             "<!-- first --><!DOCTYPE html><html><body>x</body></html>" "text<html><body>y" "<div><b>bold <i>both</b> ital</i></div>" "<form action=\"/s\"><label>N<input type=text name=n value=\"a&quot;b\"></label><button disabled>Go</button></form>"
             "<p>a<br/>b<hr>c" "<dl><dt>A</dt><dd>1</dd></dl>" "<script>var s = \"</div>\"; if (a<b) x();</script>" "<noscript><p>no</p></noscript>" "<textarea>a <b> c</textarea>" "<pre>\n  code\n</pre>" "<p>x</div>y</p>" "<td>a<td>b" "<tr><td>a</tr><tr><td>b</tr>" "<center><p>x</center>" "<a href=1>one<a href=2>two" "<h2>a <a href=x>b</a></h2>\n<p>c</p>" "<body onload=\"f()\">\n<div>\n  <p>x</p>\n</div>\n</body>" "<p>1 &lt; 2 &gt; 0 &quot;q&quot; &apos;a&apos; &copy;2024</p>" "<img src=\"a.png\" alt=\"A &amp; B\">" "<span>  </span>" "<div>  <span>x</span>  </div>" "<ul>  <li>a</li>  <li>b</li>  </ul>" "<html><head></head><body></body></html>" "<head><title>t</title></head>text"))
  (print (list s (with-temp-buffer (insert s) (libxml-parse-html-region (point-min) (point-max))))))

(defun probe (old new)
  (with-temp-buffer (insert (format "<%s>a<%s>b" old new))
    (let* ((tree (libxml-parse-html-region (point-min) (point-max)))
           (body (assq 'body (cddr tree)))
           (first (car (cddr body))))
      ;; closed if NEW is not inside OLD
      (if (and (consp first) (eq (car first) (intern old)) (assq (intern new) (cddr first))) nil t))))
(dolist (old '("p" "li" "head" "b" "i" "a" "span" "font" "em" "dt" "dd" "option" "td" "tr" "h1" "div" "table" "ul" "form" "small" "u" "strong"))
  (princ (format "%s closed by:" old))
  (dolist (new '("p" "div" "ul" "ol" "li" "table" "h1" "h2" "pre" "form" "hr" "dl" "dt" "dd" "blockquote" "address" "center" "body" "html" "head" "title" "script" "style" "meta" "link" "a" "b" "i" "span" "font" "em" "td" "th" "tr" "option" "optgroup" "caption" "col" "colgroup" "tbody" "thead" "tfoot" "fieldset" "legend" "menu" "dir" "xmp" "listing" "noscript" "img" "br" "input" "select" "textarea" "button" "label" "iframe" "object" "small" "big" "tt" "u" "s" "strike" "strong" "code" "q" "sub" "sup" "map" "area" "frameset" "frame" "noframes" "section" "nav" "article" "header" "footer" "main"))
    (when (probe old new) (princ (format " %s" new))))
  (terpri))

(dolist (old (quote ("dl" "pre" "blockquote" "address" "center" "caption" "thead" "tbody" "tfoot" "label" "select" "textarea" "button" "code" "q" "sub" "sup" "ol" "menu" "dir" "fieldset" "legend" "optgroup" "th" "h3" "s" "strike" "big" "tt" "object" "iframe" "map" "noscript" "xmp" "listing" "col" "colgroup" "kbd" "var" "cite" "abbr" "dfn" "samp" "acronym" "bdo" "ins" "del" "section" "nav" "article")))
  (princ (format "%s closed by:" old))
  (dolist (new '("p" "div" "ul" "ol" "li" "table" "h1" "h2" "pre" "form" "hr" "dl" "dt" "dd" "blockquote" "address" "center" "body" "html" "head" "title" "script" "style" "meta" "link" "a" "b" "i" "span" "font" "em" "td" "th" "tr" "option" "optgroup" "caption" "col" "colgroup" "tbody" "thead" "tfoot" "fieldset" "legend" "menu" "dir" "xmp" "listing" "noscript" "img" "br" "input" "select" "textarea" "button" "label" "iframe" "object" "small" "big" "tt" "u" "s" "strike" "strong" "code" "q" "sub" "sup" "map" "area" "frameset" "frame" "noframes" "section" "nav" "article" "header" "footer" "main"))
    (when (probe old new) (princ (format " %s" new))))
  (terpri))

(require 'dom)
(defvar page "<!DOCTYPE html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<title>Release notes &ndash; v2</title>
<!-- analytics -->
<script src=\"a.js\"></script>
</head>
<body>
<nav><a href=\"/\">Home</a> | <a href=\"/docs\" class=\"active\">Docs</a></nav>
<main>
<h1 id=\"title\">Version 2.0</h1>
<p class=intro>New in this release:
<ul>
  <li><b>Faster</b> start-up
  <li>Fewer <code>&lt;bugs&gt;</code>
</ul>
<table class=\"data\">
  <thead><tr><th>Name<th>Size</thead>
  <tbody>
  <tr><td>a.tar.gz<td>1&nbsp;MB
  <tr><td>b.zip<td>2 MB
  </tbody>
</table>
<form method=post action=/sub><input type=email name=e required><button>Go</button></form>
</main>
<footer><p>&copy; 2026 &mdash; <a href=mailto:x@y>contact</a></footer>
</body>
</html>
")
(let ((dom (with-temp-buffer (insert page) (libxml-parse-html-region (point-min) (point-max)))))
  (print dom)
  (print (list (dom-text (car (dom-by-tag dom 'title))) (mapcar (lambda (a) (dom-attr a 'href)) (dom-by-tag dom 'a))
               (mapcar #'dom-texts (dom-by-tag dom 'td)) (dom-attr (car (dom-by-class dom "active")) 'href) (dom-texts (car (dom-by-id dom "title"))))))
(print (libxml-available-p))

