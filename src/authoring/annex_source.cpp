#include "authoring/annex_source.hpp"

#include <algorithm>

namespace tne::annex_source {

namespace {

// The code point at `at` and its length in bytes; a byte that does not start a valid UTF-8
// sequence is taken alone (the source need not be valid UTF-8: it is only compared).
std::pair<char32_t, size_t> decode(std::string_view text, size_t at) {
    auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    size_t length = lead >= 0xF0 && lead < 0xF8 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (length == 0 || at + length > text.size()) return {lead, 1};
    char32_t code = lead & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0) != 0x80) return {lead, 1};
        code = (code << 6) | (byte(at + i) & 0x3F);
    }
    return {code, length};
}

bool is_space(char32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

bool is_single_quote(char32_t c) { return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032; }
bool is_double_quote(char32_t c) { return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033; }
bool is_dash(char32_t c) {
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// The first line in [from, to) that is `wanted` (folded as a line), else `to`.
size_t find_line(const std::vector<std::string>& folded_lines, size_t from, size_t to, const std::string& wanted) {
    for (size_t i = from; i < to; ++i)
        if (folded_lines[i] == wanted) return i;
    return to;
}

bool nested_in(const std::string& id, const std::string& parent) {
    return id.size() > parent.size() + 1 && id.compare(0, parent.size(), parent) == 0 && id[parent.size()] == '.';
}

}  // namespace

std::string fold(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (size_t at = 0; at < text.size();) {
        auto [code, length] = decode(text, at);
        std::string_view raw = text.substr(at, length);
        at += length;
        if (is_space(code)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        if (is_single_quote(code))
            out += '\'';
        else if (is_double_quote(code))
            out += '"';
        else if (is_dash(code))
            out += '-';
        else
            out += raw;
    }
    return out;
}

std::string fold_line(std::string_view line) {
    std::string folded = fold(line);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view bullet : {"- ", "\u2022 ", "* ", "\u00B7 ", "\u25AA ", "\u25E6 "}) {
            if (folded.starts_with(bullet)) {
                folded.erase(0, bullet.size());
                stripped = true;
            }
        }
    }
    return folded;
}

const SectionText* SplitSource::find(const std::string& id) const {
    for (const auto& s : sections)
        if (s.section->id == id) return &s;
    return nullptr;
}

const SectionText* SplitSource::containing(const std::string& folded) const {
    const SectionText* best = nullptr;
    for (const auto& s : sections) {
        if (s.first_line == 0 || s.text.find(folded) == std::string::npos) continue;
        if (!best || s.last_line - s.first_line < best->last_line - best->first_line) best = &s;
    }
    return best;
}

SplitSource split(std::string_view text, const std::vector<AnnexSection>& sections) {
    SplitSource result;
    result.whole = fold(text);
    std::vector<std::string_view> lines = lines_of(text);
    std::vector<std::string> folded_lines;
    folded_lines.reserve(lines.size());
    for (auto line : lines) folded_lines.push_back(fold_line(line));

    // Headings, each searched after the previous one found.
    std::vector<size_t> starts(sections.size(), lines.size());
    std::vector<bool> found(sections.size(), false);
    size_t cursor = 0;
    for (size_t i = 0; i < sections.size(); ++i) {
        const AnnexSection& section = sections[i];
        if (section.heading.empty()) {
            result.problems.push_back({&section, ProblemKind::no_heading});
            continue;
        }
        size_t at = find_line(folded_lines, cursor, lines.size(), fold_line(section.heading));
        if (at == lines.size()) {
            result.problems.push_back({&section, ProblemKind::heading_not_found});
            continue;
        }
        starts[i] = at;
        found[i] = true;
        cursor = at + 1;
    }

    for (size_t i = 0; i < sections.size(); ++i) {
        const AnnexSection& section = sections[i];
        SectionText s{&section, 0, 0, {}};
        if (found[i]) {
            size_t end = lines.size();
            for (size_t j = i + 1; j < sections.size(); ++j) {
                if (found[j] && !nested_in(sections[j].id, section.id)) {
                    end = starts[j];
                    break;
                }
            }
            if (!section.ends.empty()) {
                size_t ends = find_line(folded_lines, starts[i] + 1, end, fold_line(section.ends));
                if (ends == end) result.problems.push_back({&section, ProblemKind::ends_not_found});
                end = ends;
            }
            std::string raw;
            for (size_t k = starts[i]; k < end; ++k) (raw += lines[k]) += '\n';
            s.first_line = static_cast<int>(starts[i]) + 1;
            s.last_line = static_cast<int>(std::max(end, starts[i] + 1));
            s.text = fold(raw);
        }
        result.sections.push_back(std::move(s));
    }
    return result;
}

}  // namespace tne::annex_source
