;; libxml-parse-xml-region: the tree libxml2 gives (comments, CDATA, namespaces dropped, (top nil ...),
;; nil when not well-formed). Outputs compared with GNU Emacs 28.2.
(dolist (s '("<a>x</a>" "<a> <b/> </a>" "<a>x<![CDATA[y]]>z</a>" "<a>x<!-- c -->y</a>" "<?xml version=\"1.0\"?><a>1</a>" "<!-- top --><a/>" "<a/><!-- after -->" "<a>&amp;&lt;&#65;&bogus;</a>" "<a x=\"1\" y='&amp;'/>" "<n:a xmlns:n=\"u\" n:x=\"1\" xmlns=\"d\"><b/></n:a>" "<a><?pi x?>t</a>" "<a>\n  <b>1</b>\n  <b>2</b>\n</a>" "<a>unclosed" "" "<A B=\"1\">t</A>" "<a>x</a><b/>" "<!DOCTYPE a><a>1</a>"))
  (print (list s (condition-case e (with-temp-buffer (insert s) (libxml-parse-xml-region (point-min) (point-max))) (error e)))))
