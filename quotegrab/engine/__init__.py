"""The engine: what reads one parsed article and says who said what.

`scanner` finds quotation marks, `rules` the attributions (cue, content, speaker mention), `resolution`
links mentions to the article's speakers; `contract` is the output, `component` the spaCy factory,
`pipeline` the base pipeline with quotegrab added. Nothing here reads files or prints.
"""
