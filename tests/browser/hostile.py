"""One string that tries every way in: HTML elements and attributes, a script, markdown links, emphasis and
headings, maths, Streamlit colour directives, a blank line (ends an HTML block in markdown), quotes that could
close an attribute. Anything it manages to inject carries `data-pwned` or links to pwned.example."""

PAYLOAD = ('"\'><img src=x data-pwned="1" onerror="window.__pwned=1"><b data-pwned="1">bold</b>'
           "<script>window.__pwned=1</script>[link](http://pwned.example) **strong** $x^2$ :red[red]\n\n"
           "# heading <a href=\"http://pwned.example\" data-pwned=\"1\">a</a>")
#: What must be visible, as text, wherever PAYLOAD is shown.
VISIBLE = '<b data-pwned="1">bold</b>'
