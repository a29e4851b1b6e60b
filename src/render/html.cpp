#include "render/html.hpp"

#include <fmt/format.h>

namespace tne::html {

namespace {

// Colours are the Okabe-Ito palette, which readers with every common colour-vision deficiency tell
// apart; charts never rely on colour alone (each mark has its figure as text or a tooltip, and a
// table of the same figures follows every chart). Text colours meet WCAG AA contrast on white.
constexpr std::string_view kStyle = R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; --blue: #0072B2; --orange: #E69F00; --green: #009E73;
        --vermillion: #D55E00; --sky: #56B4E9; --purple: #CC79A7; --yellow: #F0E442; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); line-height: 1.45; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--blue); padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta { color: var(--muted); margin: 0 0 1rem; }
.headline { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.what-if { border-left: 4px solid #CC79A7; padding: .1rem 1rem; margin: 1rem 0; }
.figure-box { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem 1rem; min-width: 10rem; }
.figure-box .value { font-size: 1.6rem; font-weight: 700; }
.figure-box .label { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); font-size: .85rem; caption-side: bottom; padding-top: .3rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .85rem; }
details { border: 1px solid var(--rule); border-radius: 6px; padding: .3rem .8rem; margin: .4rem 0; }
summary { cursor: pointer; font-weight: 600; }
.tag { display: inline-block; border: 1px solid var(--muted); border-radius: 3px; padding: 0 .3rem;
       font-size: .8rem; }
.ok, .tone-good { color: #00704f; }
.tone-bad { color: #a33f00; } .tone-warn { color: #7a5200; } .tone-fair { color: #005f7f; }
.tone-muted { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
svg.score-bar .track { fill: #e6e6e6; } svg.score-bar .fill { fill: var(--blue); }
pre { background: #f4f4f4; padding: .5rem .8rem; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.blocked { color: #a33f00; }
svg text { font-family: inherit; font-size: 12px; fill: var(--ink); }
svg .grid { stroke: var(--rule); fill: none; }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .area { fill: var(--blue); fill-opacity: .25; stroke: var(--blue); stroke-width: 2; }
svg .dot { fill: var(--blue); }
svg .bar { fill: var(--blue); }
svg .bar-suggested { fill: var(--green); }
svg .bar-low { fill: #fff; stroke: var(--blue); stroke-width: 1.5; }
svg .bar-blocked { fill: #fff; stroke: var(--vermillion); stroke-width: 2; stroke-dasharray: 4 2; }
svg .threshold { stroke: var(--vermillion); stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .muted { fill: var(--muted); }
svg .whisker { stroke: var(--ink); stroke-width: 1.5; }
svg .median { fill: var(--vermillion); }
svg .dot { fill-opacity: .7; }
tbody th { font-weight: 600; background: none; }
table.heat-map { font-size: .75rem; width: auto; }
table.heat-map td, table.heat-map th { padding: .15rem .3rem; }
table.heat-map thead th:nth-child(n+4):not(:last-child) { writing-mode: vertical-rl; transform: rotate(180deg);
  white-space: nowrap; text-align: left; vertical-align: bottom; }
.heat-0 { background: #f7fbff; } .heat-1 { background: #c6dbef; } .heat-2 { background: #6baed6; }
.heat-3 { background: #2171b5; color: #fff; } .heat-4 { background: #08306b; color: #fff; }
svg .small { font-size: 11px; }
svg .tick { font-size: 10px; }
svg .strong { font-weight: 700; }
svg .dot.unknown { fill: #fff; stroke: var(--blue); stroke-width: 1.5; }
.pair { display: flex; flex-wrap: wrap; gap: 1rem 1.5rem; align-items: flex-start; }
.pair > figure { flex: 0 1 420px; margin: 0; }
.pair > table, .pair > div { flex: 1 1 16rem; }
.pair > .chart-column { flex: 0 1 420px; }
.chart-column > figure { margin: 0 0 .5rem; }
.chart-column svg { max-width: 100%; height: auto; }
ul.blockers, ul.advice { margin: .3rem 0; padding-left: 1.3rem; font-size: .92rem; }
ul.advice details { border: none; padding: 0; margin: 0; }
ul.advice summary { font-weight: normal; }
table.recommendations td:nth-child(2) { width: 50%; }
section#dimensions, section#models { display: flex; flex-wrap: wrap; gap: 0 1.5rem; align-items: flex-start; }
section#dimensions > h2, section#models > h2, section#models > p { flex: 0 0 100%; }
section#dimensions > figure, section#models > figure { flex: 0 1 420px; margin: 0; }
section#dimensions > table, section#models > table { flex: 1 1 16rem; width: auto; }
section#what-if { border-left: 4px solid #CC79A7; padding: .1rem 1rem; margin: 1rem 0; }
dl.about { font-size: .92rem; color: var(--muted); }
ul.recommendations { list-style: none; padding-left: 0; font-size: .92rem; }
ul.recommendations > li { margin: .4rem 0; }
ul.recommendations p { margin: .1rem 0 0 1.5rem; }
p.pathway { font-size: .92rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  /* Paper cannot unfold: everything folded prints open, its summary as the heading of its body.
     (::details-content: Chromium 131, Firefox 143, Safari 18.4; an older browser prints it folded.) */
  details::details-content { display: block; content-visibility: visible; }
  details > summary { list-style-type: disclosure-open; }
  /* A heading keeps with what follows it. Chromium ignores break-after before a multi-column block
     (the score traces), so a heading also carries an unbreakable 3rem below it that what follows
     then overlaps: with less room than that left on a page, the heading moves to the next. */
  h1, h2, h3, h4, h5, h6, summary { break-after: avoid; }
  h2, h3 { break-inside: avoid; }
  h2::after, h3::after { content: ""; display: block; height: 3rem; margin-bottom: -3rem; }
  figure, table, .figure-box { break-inside: avoid; }
  /* A long name (a profile field's path) breaks rather than runs out of a narrow column, where it
     would be cut off. */
  body { overflow-wrap: break-word; }
  details { border: none; padding: 0; margin: .1rem 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin-top: 1rem; }
  h3 { margin: .6rem 0 .2rem; }
  table { font-size: 8.5pt; margin-bottom: .5rem; }
  th, td { padding: .15rem .35rem; }
  ul.blockers, ul.advice, p.pathway, figcaption, .meta { font-size: 8.5pt; }
  table.models { font-size: 7pt; }
  table.models th, table.models td { padding: .05rem .3rem; }
  ul.advice details { border: none; padding: 0; margin: 0; }
  .figure-box { padding: .3rem .8rem; }
  .figure-box .value { font-size: 13pt; }
  .pair > figure { flex: 0 0 340px; }
  .pair > figure svg { width: 100%; }
  .pair > .chart-column { flex: 0 0 290px; }
  /* A chart beside its table, as on screen, but in block flow: Chromium does not keep a heading
     with the next line of a flex or grid container (it left the cohort's #models heading alone at
     a page's foot). Each of the two is unbreakable, as it was. */
  section#dimensions, section#models { display: block; }
  section#dimensions > figure, section#models > figure { display: inline-block; vertical-align: top;
    width: 220px; margin: 0 1.5rem 0 0; }
  section#models > figure { width: 290px; }
  section#dimensions > table, section#models > table { display: inline-table; vertical-align: top;
    width: calc(100% - 220px - 1.5rem - .5em); }
  section#models > table { width: calc(100% - 290px - 1.5rem - .5em); }
  section#dimensions > table { font-size: 7.5pt; }
  #suggestion > p, #alternatives > p, #decided > p, #changes > p, #recommendations > p, #evidence > p,
  #models > p, p.meta { margin: .25rem 0; }
  #suggestion ul, #alternatives ul, #not-for-now ul, #unanswered ul, #evidence ul { margin: .2rem 0; }
  ul.recommendations p { margin: 0 0 0 1.5rem; }
  section section h2, section section h3 { font-size: 9.5pt; margin: .4rem 0 .2rem; border: none; }
  #criteria summary { font-size: 7.5pt; font-weight: normal; }
  section#dimensions svg, section#models svg { width: 100%; }
  .chart-column svg { width: 100%; }
  .pair { gap: .5rem 1rem; }
  .headline { margin: .5rem 0; gap: .6rem; }
  .figure-box { min-width: 0; }
  .criteria, section#criteria { columns: 3; column-gap: 1rem; }
  .criteria h2, section#criteria h2 { column-span: all; }
  dl.about { font-size: 8pt; margin: .2rem 0; gap: 0 1rem; }
  ul.recommendations { font-size: 8.5pt; }
  ul.recommendations > li { margin: .2rem 0; break-inside: avoid; }
  ul.advice > li, dl.about, pre { break-inside: avoid; }
  ul.blockers { columns: 2; column-gap: 1.5rem; font-size: 8pt; padding-left: 1rem; }
  ul.blockers ul { padding-left: 1rem; }
  ul.blockers > li, tr { break-inside: avoid; }
  table.recommendations { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

// The body in a <main>: a report is one landmark that screen readers jump to (axe-core asks for it).
std::string page(Lang lang, std::string_view title, std::string_view body) {
    return fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\" />\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
        lang_code(lang), escape(title), kStyle, body);
}

}  // namespace tne::html
