// tne rubrics check as a document, for a person rather than a tool: a pull request's job summary
// (Markdown) or a page (HTML). The text format stays the compilers' line format, which editors and
// CI problem matchers read one finding per line.
#include "report/reports.hpp"

namespace tne::report {

namespace {

using namespace doc;

constexpr Message title{"Rubric set check — {0}", "Revisión del conjunto de rúbricas — {0}"};
constexpr Message severity{"Severity", "Gravedad"};
constexpr Message where{"Where", "Dónde"};
constexpr Message rule{"Rule", "Regla"};
constexpr Message message{"Problem", "Problema"};
constexpr Message hint{"Hint", "Sugerencia"};
constexpr Message error{"error", "error"};
constexpr Message warning{"warning", "advertencia"};

}  // namespace

Document check(const CheckReport& report, Lang lang) {
    auto say = [&](const Message& m, const std::string& a = {}) { return format_message(m, a).in(lang); };
    Document d;
    d.lang = lang;
    d.title = say(title, report.root);
    d.body.push_back(Paragraph{Text().strong(check_summary(report, lang)), "summary"});
    if (report.findings.empty()) return d;
    Table table{{{say(severity)}, {say(where)}, {say(rule)}, {say(message)}, {say(hint)}}, {}, {}, "findings"};
    for (const auto& f : report.findings) {
        bool is_error = f.rule->severity == Severity::error;
        table.rows.push_back({Text().strong(say(is_error ? error : warning), is_error ? Tone::bad : Tone::warn),
                              Text().code(f.pos.str()), Text().code(std::string(f.rule->id)), f.message.in(lang),
                              f.rule->hint.in(lang)});
    }
    d.body.push_back(table);
    return d;
}

}  // namespace tne::report
