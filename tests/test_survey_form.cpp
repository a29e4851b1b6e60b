// tne survey form: the rubric set as a LimeSurvey survey structure or an XLSForm, each with the map
// of its export. The forms are read back as the tools read them (the TSV cell by cell, the .xlsx's
// sheets from its XML), and an export in the tool's shape, filled with an example profile's answers,
// must score exactly like the example.
#include <tinyxml2.h>
#include <zip.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support.hpp"
#include "tne/assessment.hpp"
#include "tne/profile.hpp"
#include "tne/render.hpp"
#include "tne/survey.hpp"
#include "tne/survey_form.hpp"

using namespace tne;
using namespace tne::test;
namespace fs = std::filesystem;

namespace {

using Table = std::vector<std::vector<std::string>>;

// ---- reading a LimeSurvey structure back -------------------------------------------------------------

// Tab-separated rows as PHP's fgetcsv reads them (LimeSurvey's importer): quoted cells may hold
// tabs, quotes ("") and line breaks.
Table read_tsv(std::string text) {
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
    text.erase(0, 3);
    Table rows(1);
    std::string cell;
    bool quoted = false, in_quotes = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                cell += c;
            }
        } else if (c == '"' && cell.empty() && !quoted) {
            in_quotes = quoted = true;
        } else if (c == '\t') {
            rows.back().push_back(cell);
            cell.clear();
            quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(cell);
            cell.clear();
            quoted = false;
            rows.emplace_back();
            ++i;
        } else {
            cell += c;
        }
    }
    REQUIRE_FALSE(in_quotes);
    if (rows.back().empty() && cell.empty()) rows.pop_back();
    return rows;
}

// The rows of a structure as maps of column -> cell.
std::vector<std::map<std::string, std::string>> by_header(const Table& table) {
    std::vector<std::map<std::string, std::string>> rows;
    for (size_t r = 1; r < table.size(); ++r) {
        REQUIRE(table[r].size() == table[0].size());
        std::map<std::string, std::string> row;
        for (size_t c = 0; c < table[0].size(); ++c) row[table[0][c]] = table[r][c];
        rows.push_back(row);
    }
    return rows;
}

bool lime_code(const std::string& code, size_t longest) {
    return std::regex_match(code, std::regex("[A-Za-z][A-Za-z0-9]*")) && code.size() <= longest;
}

// ---- reading an .xlsx back ---------------------------------------------------------------------------

std::string zip_entry(zip_t* archive, const std::string& name) {
    zip_stat_t stat;
    REQUIRE(zip_stat(archive, name.c_str(), 0, &stat) == 0);
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    REQUIRE(file);
    std::string bytes(stat.size, '\0');
    REQUIRE(zip_fread(file, bytes.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    return bytes;
}

tinyxml2::XMLElement* child(tinyxml2::XMLNode* node, const char* name) {
    tinyxml2::XMLElement* found = node->FirstChildElement(name);
    REQUIRE(found);
    return found;
}

std::string text_of(tinyxml2::XMLElement* element) {
    std::string text;
    for (tinyxml2::XMLElement* t = element->FirstChildElement("t"); t; t = t->NextSiblingElement("t"))
        text += t->GetText() ? t->GetText() : "";
    for (tinyxml2::XMLElement* run = element->FirstChildElement("r"); run; run = run->NextSiblingElement("r"))
        text += text_of(run);
    return text;
}

// The sheets of a workbook by name, each a table of its cells' text (shared strings or inline).
std::map<std::string, Table> read_xlsx(const fs::path& path) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    REQUIRE(archive);
    tinyxml2::XMLDocument workbook, strings_doc;
    std::string workbook_xml = zip_entry(archive, "xl/workbook.xml");
    REQUIRE(workbook.Parse(workbook_xml.c_str(), workbook_xml.size()) == tinyxml2::XML_SUCCESS);
    std::vector<std::string> strings;
    std::string strings_xml = zip_entry(archive, "xl/sharedStrings.xml");
    REQUIRE(strings_doc.Parse(strings_xml.c_str(), strings_xml.size()) == tinyxml2::XML_SUCCESS);
    for (auto* si = child(&strings_doc, "sst")->FirstChildElement("si"); si; si = si->NextSiblingElement("si"))
        strings.push_back(text_of(si));

    std::map<std::string, Table> sheets;
    int number = 0;
    for (auto* sheet = child(child(&workbook, "workbook"), "sheets")->FirstChildElement("sheet"); sheet;
         sheet = sheet->NextSiblingElement("sheet")) {
        // libxlsxwriter writes the sheets in order as sheet1.xml, sheet2.xml, ...
        std::string xml = zip_entry(archive, "xl/worksheets/sheet" + std::to_string(++number) + ".xml");
        tinyxml2::XMLDocument document;
        REQUIRE(document.Parse(xml.c_str(), xml.size()) == tinyxml2::XML_SUCCESS);
        Table table;
        for (auto* row = child(child(&document, "worksheet"), "sheetData")->FirstChildElement("row"); row;
             row = row->NextSiblingElement("row")) {
            size_t r = std::stoul(row->Attribute("r")) - 1;
            if (table.size() <= r) table.resize(r + 1);
            for (auto* c = row->FirstChildElement("c"); c; c = c->NextSiblingElement("c")) {
                std::string ref = c->Attribute("r");
                size_t column = 0;
                for (char letter : ref) {
                    if (letter < 'A' || letter > 'Z') break;
                    column = column * 26 + static_cast<size_t>(letter - 'A' + 1);
                }
                std::string value;
                const char* type = c->Attribute("t");
                if (type && std::string(type) == "s")
                    value = strings.at(std::stoul(child(c, "v")->GetText()));
                else if (type && std::string(type) == "inlineStr")
                    value = text_of(child(c, "is"));
                else if (c->FirstChildElement("v"))
                    value = c->FirstChildElement("v")->GetText();
                if (table[r].size() < column) table[r].resize(column);
                table[r][column - 1] = value;
            }
        }
        sheets[sheet->Attribute("name")] = table;
    }
    zip_close(archive);
    return sheets;
}

std::map<std::string, std::string> row_of(const Table& table, size_t r) {
    std::map<std::string, std::string> row;
    for (size_t c = 0; c < table[0].size(); ++c) row[table[0][c]] = c < table[r].size() ? table[r][c] : "";
    return row;
}

bool xml_name(const std::string& name) { return std::regex_match(name, std::regex("[A-Za-z_][A-Za-z0-9_.-]*")); }

// ---- exports in each tool's shape ------------------------------------------------------------------

// A number as the tools export it: 35, 12.5.
std::string number_cell(double number) {
    if (std::floor(number) == number) return std::to_string(static_cast<long long>(number));
    std::ostringstream out;
    out << number;
    return out.str();
}

std::string csv_cell(const std::string& text, char delimiter, bool always) {
    if (!always && text.find_first_of(std::string("\"\r\n") + delimiter) == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

std::string csv_line(const std::vector<std::string>& cells, char delimiter, bool always_quoted) {
    std::string line;
    for (size_t i = 0; i < cells.size(); ++i)
        line += (i ? std::string(1, delimiter) : "") + csv_cell(cells[i], delimiter, always_quoted);
    return line + "\r\n";
}

const Answer* answer_of(const Profile& profile, const Question& q) {
    const Answer* answer = profile.find(q.path);
    return answer && answer->known() ? answer : nullptr;
}

// A KoboToolbox CSV export ("XML values and headers", groups not in headers, select_multiple as one
// column of names and a 0/1 column per choice, KoboToolbox's own columns around the questions), built
// from the XLSForm's sheets as read back, one row per profile.
std::string kobo_export(const std::map<std::string, Table>& form, const std::vector<Profile>& profiles,
                        const RubricSet& rubric) {
    const Table& survey = form.at("survey");
    const Table& choices = form.at("choices");
    std::map<std::string, std::vector<std::string>> names_of_list;
    for (size_t r = 1; r < choices.size(); ++r) names_of_list[choices[r][0]].push_back(choices[r][1]);
    std::vector<std::string> header = {"start", "end"};
    std::vector<std::map<std::string, std::string>> questions;
    for (size_t r = 1; r < survey.size(); ++r) {
        auto row = row_of(survey, r);
        if (row["type"] == "begin_group" || row["type"] == "end_group") continue;
        questions.push_back(row);
        header.push_back(row["name"]);
        if (row["type"].rfind("select_multiple ", 0) == 0)
            for (const auto& name : names_of_list[row["type"].substr(16)]) header.push_back(row["name"] + "/" + name);
    }
    for (const char* own : {"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
                            "_submitted_by", "__version__", "_tags", "_index"})
        header.push_back(own);
    std::string text = csv_line(header, ';', false);
    int index = 0;
    for (const Profile& profile : profiles) {
        ++index;
        std::vector<std::string> cells = {"2025-03-04T10:00:00.000-06:00", "2025-03-04T10:42:00.000-06:00"};
        for (auto& row : questions) {
            const Question* q = nullptr;
            for (const auto& question : rubric.questions)
                if (xlsform_name(rubric, question) == row["name"]) q = &question;
            REQUIRE(q);
            const Answer* answer = answer_of(profile, *q);
            std::string cell;
            std::vector<std::string> chosen;
            if (q->type == QuestionType::list) {
                if (!answer) {
                    chosen = {FormCodes::xlsform_dont_know};
                } else {
                    chosen = std::get<std::vector<std::string>>(answer->value);
                    if (chosen.empty()) chosen = {FormCodes::xlsform_none};
                }
                for (const auto& name : chosen) cell += (cell.empty() ? "" : " ") + name;
            } else if (!answer) {
                cell = q->type == QuestionType::choice || q->type == QuestionType::yes_partial_no
                           ? FormCodes::xlsform_dont_know
                           : "";
            } else if (const double* number = std::get_if<double>(&answer->value)) {
                cell = number_cell(*number);
            } else {
                cell = std::get<std::string>(answer->value);
            }
            cells.push_back(cell);
            if (q->type == QuestionType::list)
                for (const auto& name : names_of_list[row["type"].substr(16)])
                    cells.push_back(std::find(chosen.begin(), chosen.end(), name) != chosen.end() ? "1" : "0");
        }
        for (const std::string& own :
             {std::to_string(1000 + index), "4f1c2a9e-0000-4000-8000-00000000000" + std::to_string(index),
              std::string("2025-03-04T16:42:10"), std::string(""), std::string("[]"), std::string("submitted_via_web"),
              std::string(""), std::string("vQxK3p8aZ"), std::string("[]"), std::to_string(index)})
            cells.push_back(own);
        text += csv_line(cells, ';', false);
    }
    return text;
}

// A LimeSurvey CSV export of responses (headings "Question code", "Answer codes"): its own columns,
// then each question's code, a multiple-choice question as one column per subquestion (Q5[SQ001])
// holding Y or nothing; every cell quoted, as LimeSurvey writes them. Built from the structure as read
// back, one row per profile.
std::string limesurvey_export(const Table& structure, const std::vector<Profile>& profiles, const RubricSet& rubric,
                              bool full_answers = false) {
    auto rows = by_header(structure);
    // The base language's rows: every question's code and type, and its subquestion codes.
    std::vector<std::pair<std::string, std::string>> questions;  // code, type
    std::map<std::string, std::vector<std::string>> options;     // code -> subquestion codes
    std::map<std::string, std::string> answer_text;              // "Q2 A1" -> the answer's text
    std::string base;
    for (const auto& row : rows) {
        if (row.at("class") == "S" && row.at("name") == "language") base = row.at("text");
        if (row.at("language") != base) continue;
        if (row.at("class") == "Q") questions.push_back({row.at("name"), row.at("type/scale")});
        if (row.at("class") == "SQ") options[questions.back().first].push_back(row.at("name"));
        if (row.at("class") == "A") answer_text[questions.back().first + " " + row.at("name")] = row.at("text");
    }
    std::vector<std::string> header = {"id", "submitdate", "lastpage", "startlanguage", "seed"};
    for (const auto& [code, type] : questions) {
        if (type == "M")
            for (const auto& option : options[code]) header.push_back(code + "[" + option + "]");
        else
            header.push_back(code);
    }
    std::string text = csv_line(header, ',', true);
    int id = 0;
    for (const Profile& profile : profiles) {
        std::vector<std::string> cells = {std::to_string(++id), "2025-03-04 10:42:00", "11", base, "1234567"};
        for (const auto& [code, type] : questions) {
            size_t index = std::stoul(code.substr(1)) - 1;
            const Question& q = rubric.questions.at(index);
            REQUIRE(limesurvey_question_code(index) == code);
            const Answer* answer = answer_of(profile, q);
            if (type == "M") {
                std::set<std::string> chosen;
                if (!answer) {
                    chosen = {FormCodes::limesurvey_dont_know};
                } else {
                    const auto& values = std::get<std::vector<std::string>>(answer->value);
                    for (const auto& value : values)
                        for (size_t v = 0; v < q.values.size(); ++v)
                            if (q.values[v].id == value) chosen.insert(limesurvey_option_code(v));
                    if (values.empty()) chosen = {FormCodes::limesurvey_none};
                }
                for (const auto& option : options[code]) cells.push_back(chosen.count(option) ? "Y" : "");
            } else if (type == "L") {
                std::string cell = FormCodes::limesurvey_dont_know;
                if (answer)
                    for (size_t v = 0; v < q.values.size(); ++v)
                        if (q.values[v].id == std::get<std::string>(answer->value)) cell = limesurvey_answer_code(v);
                cells.push_back(full_answers ? answer_text.at(code + " " + cell) : cell);
            } else if (!answer) {
                cells.push_back("");
            } else if (const double* number = std::get_if<double>(&answer->value)) {
                cells.push_back(number_cell(*number));
            } else {
                cells.push_back(std::get<std::string>(answer->value));
            }
        }
        text += csv_line(cells, ',', true);
    }
    return text;
}

// ---- scoring an export as tne batch does -------------------------------------------------------------

std::vector<Profile> example_profiles_loaded() {
    std::vector<Profile> profiles;
    for (const fs::path& path : example_profiles())
        profiles.push_back(load_profile_file(path.string(), default_rubrics()));
    REQUIRE(profiles.size() >= 5);
    return profiles;
}

// The Assessment JSON of every row of `csv` read through `map`, as tne batch reads them.
std::vector<std::string> assessments_of_export(const fs::path& csv, const fs::path& map_path) {
    SurveyMap map = load_survey_map(map_path.string(), default_rubrics());
    std::ifstream in(csv, std::ios::binary);
    CsvReader reader(in, map.delimiter);
    auto header = reader.next();
    REQUIRE(header);
    BoundSurvey survey = bind_survey(map, default_rubrics(), *header, csv.string());
    std::vector<std::string> assessments;
    while (auto row = reader.next()) {
        Profile profile = survey_row_profile(survey, *row);
        profile.source = "p";
        assessments.push_back(render_json(assess(std::move(profile), default_rubrics()), Lang::en));
    }
    return assessments;
}

std::vector<std::string> assessments_of_yaml() {
    std::vector<std::string> assessments;
    for (Profile profile : example_profiles_loaded()) {
        profile.source = "p";
        assessments.push_back(render_json(assess(std::move(profile), default_rubrics()), Lang::en));
    }
    return assessments;
}

// tne batch's records, without where each came from.
std::vector<std::string> batch_records(const std::vector<std::string>& args) {
    std::vector<std::string> command = {"batch"};
    command.insert(command.end(), args.begin(), args.end());
    command.insert(command.end(), {"--format", "jsonl", "-q"});
    RunResult run = run_tne(command);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    std::vector<std::string> records;
    std::istringstream lines(run.out);
    for (std::string line; std::getline(lines, line);) {
        size_t status = line.find("\"status\"");
        REQUIRE(status != std::string::npos);
        records.push_back(line.substr(status));  // source, entry and line come before it
    }
    return records;
}

}  // namespace

TEST_CASE("the LimeSurvey form has every question and option of the set, in both languages", "[survey][form]") {
    const RubricSet& rubric = default_rubrics();
    for (Lang first : {Lang::es, Lang::en}) {
        SurveyForm form = survey_form(rubric, FormTool::limesurvey, first);
        Table table = read_tsv(form.text);
        REQUIRE(table[0].size() >= 14);
        CHECK(table[0][0] == "id");
        CHECK(table[0][2] == "class");
        auto rows = by_header(table);
        std::map<std::string, std::string> settings;
        for (const auto& row : rows)
            if (row.at("class") == "S") settings[row.at("name")] = row.at("text");
        const std::string base = first == Lang::es ? "es-MX" : "en";
        const std::string other = first == Lang::es ? "en" : "es-MX";
        CHECK(settings["language"] == base);
        CHECK(settings["additional_languages"] == other);

        for (Lang lang : {Lang::en, Lang::es}) {
            const std::string language = lang == Lang::es ? "es-MX" : "en";
            std::vector<std::map<std::string, std::string>> mine;
            for (const auto& row : rows)
                if (row.at("language") == language && row.at("class") != "SL") mine.push_back(row);
            // The groups: the institution, then each dimension, by name.
            std::vector<std::string> groups;
            for (const auto& row : mine)
                if (row.at("class") == "G") groups.push_back(row.at("name"));
            REQUIRE(groups.size() == rubric.blocks.size());
            for (size_t b = 1; b < rubric.blocks.size(); ++b)
                CHECK(groups[b] == rubric.find_dimension(rubric.blocks[b])->name.in(lang));

            // Every question once, in the set's order, with its text, help, type and options.
            size_t at = 0;
            for (size_t i = 0; i < rubric.questions.size(); ++i) {
                const Question& q = rubric.questions[i];
                INFO(q.path);
                while (at < mine.size() && mine[at].at("class") != "Q") ++at;
                REQUIRE(at < mine.size());
                const auto& row = mine[at++];
                CHECK(row.at("name") == limesurvey_question_code(i));
                CHECK(lime_code(row.at("name"), 20));
                CHECK(row.at("text") == q.text.in(lang));
                CHECK(row.at("help").rfind(q.help.in(lang), 0) == 0);
                std::vector<std::pair<std::string, std::string>> listed;  // code, text
                while (at < mine.size() && (mine[at].at("class") == "SQ" || mine[at].at("class") == "A")) {
                    CHECK(lime_code(mine[at].at("name"), 5));
                    listed.push_back({mine[at].at("name"), mine[at].at("text")});
                    ++at;
                }
                size_t extra = (q.type == QuestionType::list ? 1 : 0) + (q.required ? 0 : 1);
                switch (q.type) {
                    case QuestionType::text:
                        CHECK(row.at("type/scale") == "S");
                        CHECK(listed.empty());
                        break;
                    case QuestionType::percent:
                    case QuestionType::count:
                        CHECK(row.at("type/scale") == "N");
                        CHECK(row.at("min_num_value_n") == number_cell(q.min));
                        CHECK(row.at("max_num_value_n") == number_cell(q.max));
                        CHECK(row.at("num_value_int_only") == (q.type == QuestionType::count ? "1" : ""));
                        CHECK(listed.empty());
                        break;
                    case QuestionType::choice:
                    case QuestionType::yes_partial_no:
                    case QuestionType::list: {
                        CHECK(row.at("type/scale") == (q.type == QuestionType::list ? "M" : "L"));
                        CHECK(row.at("mandatory") == "Y");
                        REQUIRE(listed.size() == q.values.size() + extra);
                        for (size_t v = 0; v < q.values.size(); ++v) {
                            CHECK(listed[v].first == (q.type == QuestionType::list ? limesurvey_option_code(v)
                                                                                   : limesurvey_answer_code(v)));
                            CHECK(typed_key(listed[v].second) == typed_key(q.values[v].label.in(lang)));
                        }
                        std::set<std::string> added;
                        for (size_t v = q.values.size(); v < listed.size(); ++v) added.insert(listed[v].first);
                        CHECK(added.count("DK") == (q.required ? 0u : 1u));
                        CHECK(added.count("NONE") == (q.type == QuestionType::list ? 1u : 0u));
                        if (q.type == QuestionType::list)
                            CHECK(row.at("exclude_all_others") == (q.required ? "NONE" : "NONE;DK"));
                        break;
                    }
                }
            }
            while (at < mine.size()) CHECK(mine[at++].at("class") == "G");  // nothing after the last question
        }
        // No cell LimeSurvey's importer would unquote once more (it strips a pair of quotes around a cell).
        for (const auto& row : table)
            for (const auto& cell : row) CHECK_FALSE((cell.size() >= 2 && cell.front() == '"' && cell.back() == '"'));
    }
}

TEST_CASE("the XLSForm has every question and option of the set, and its names are XML names",
          "[survey][form][binary]") {
    const RubricSet& rubric = default_rubrics();
    TempDir dir;
    const fs::path xlsx = dir.path() / "formulario.xlsx";
    RunResult run = run_tne({"survey", "form", "--tool", "xlsform", "--lang", "es", "-o", xlsx.string()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(fs::exists(dir.path() / "formulario.map.yaml"));
    auto sheets = read_xlsx(xlsx);
    REQUIRE(sheets.count("survey") == 1);
    REQUIRE(sheets.count("choices") == 1);
    REQUIRE(sheets.count("settings") == 1);
    CHECK(row_of(sheets["settings"], 1)["default_language"] == "Español (es)");

    const Table& survey = sheets["survey"];
    std::map<std::string, std::map<std::string, std::string>> by_name;
    std::vector<std::string> groups;
    std::set<std::string> names;
    for (size_t r = 1; r < survey.size(); ++r) {
        auto row = row_of(survey, r);
        if (row["type"] == "end_group") continue;
        CHECK(xml_name(row["name"]));
        CHECK(names.insert(row["name"]).second);  // every name once in the form
        if (row["type"] == "begin_group")
            groups.push_back(row["name"]);
        else
            by_name[row["name"]] = row;
    }
    CHECK(groups == rubric.blocks);
    std::map<std::string, std::vector<std::pair<std::string, std::map<std::string, std::string>>>> lists;
    const Table& choices = sheets["choices"];
    for (size_t r = 1; r < choices.size(); ++r) {
        auto row = row_of(choices, r);
        lists[row["list_name"]].push_back({row["name"], row});
    }

    REQUIRE(by_name.size() == rubric.questions.size());
    for (const Question& q : rubric.questions) {
        INFO(q.path);
        const std::string name = xlsform_name(rubric, q);
        REQUIRE(by_name.count(name) == 1);
        auto& row = by_name[name];
        for (Lang lang : {Lang::en, Lang::es}) {
            std::string suffix = lang == Lang::es ? "::Español (es)" : "::English (en)";
            CHECK(row["label" + suffix] == q.text.in(lang));
            CHECK(row["hint" + suffix].rfind(q.help.in(lang), 0) == 0);
        }
        switch (q.type) {
            case QuestionType::text:
                CHECK(row["type"] == "text");
                CHECK(row["required"] == "yes");
                break;
            case QuestionType::percent:
            case QuestionType::count:
                CHECK(row["type"] == (q.type == QuestionType::count ? "integer" : "decimal"));
                CHECK(row["constraint"] == ". >= " + number_cell(q.min) + " and . <= " + number_cell(q.max));
                break;
            case QuestionType::choice:
            case QuestionType::yes_partial_no:
            case QuestionType::list: {
                CHECK(row["type"] == (q.type == QuestionType::list ? "select_multiple " : "select_one ") + name);
                CHECK(row["required"] == "yes");
                const auto& listed = lists[name];
                size_t extra = (q.type == QuestionType::list ? 1 : 0) + (q.required ? 0 : 1);
                REQUIRE(listed.size() == q.values.size() + extra);
                for (size_t v = 0; v < q.values.size(); ++v) {
                    CHECK(listed[v].first == q.values[v].id);
                    CHECK(xml_name(listed[v].first));
                    auto labels = listed[v].second;
                    CHECK(typed_key(labels["label::English (en)"]) == typed_key(q.values[v].label.en));
                    CHECK(typed_key(labels["label::Español (es)"]) == typed_key(q.values[v].label.es));
                }
                std::set<std::string> added;
                for (size_t v = q.values.size(); v < listed.size(); ++v) added.insert(listed[v].first);
                CHECK(added.count("dont_know") == (q.required ? 0u : 1u));
                CHECK(added.count("none") == (q.type == QuestionType::list ? 1u : 0u));
                break;
            }
        }
    }
}

TEST_CASE("the same set gives the same form, byte for byte", "[survey][form][binary]") {
    TempDir dir;
    for (const char* tool : {"limesurvey", "xlsform"}) {
        std::string extension = std::string(tool) == "limesurvey" ? ".txt" : ".xlsx";
        std::string first = (dir.path() / ("a" + extension)).string();
        std::string second = (dir.path() / ("b" + extension)).string();
        REQUIRE(run_tne({"survey", "form", "--tool", tool, "-o", first}).exit_code == 0);
        REQUIRE(run_tne({"encuesta", "formulario", "--tool", tool, "-o", second}).exit_code == 0);
        CHECK(read_file(first) == read_file(second));
        CHECK(read_file(dir.path() / "a.map.yaml") == read_file(dir.path() / "b.map.yaml"));
    }
}

TEST_CASE("tne survey form refuses a file its tool cannot import, before writing anything", "[survey][form][binary]") {
    TempDir dir;
    std::string csv = (dir.path() / "form.csv").string();
    RunResult run = run_tne({"survey", "form", "--tool", "limesurvey", "-o", csv});
    CHECK(run.exit_code == 2);
    CHECK_THAT(run.err, Catch::Contains(".txt"));
    RunResult es = run_tne({"encuesta", "formulario", "--tool", "xlsform", "-o", csv, "--lang", "es"});
    CHECK(es.exit_code == 2);
    CHECK_THAT(es.err, Catch::Contains("un XLSForm es un archivo .xlsx"));
    RunResult tool = run_tne({"survey", "form", "--tool", "kobo", "-o", csv});
    CHECK(tool.exit_code == 2);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("a KoboToolbox export of the XLSForm scores exactly like the example profiles", "[survey][form][binary]") {
    for (const char* lang : {"en", "es"}) {
        INFO(lang);
        TempDir dir;
        const fs::path xlsx = dir.path() / "form.xlsx";
        REQUIRE(run_tne({"survey", "form", "--tool", "xlsform", "--lang", lang, "-o", xlsx.string()}).exit_code == 0);
        const fs::path map = dir.path() / "form.map.yaml";
        const fs::path csv = dir.path() / "kobo.csv";
        write_file(csv, kobo_export(read_xlsx(xlsx), example_profiles_loaded(), default_rubrics()));

        std::vector<std::string> expected = assessments_of_yaml();
        std::vector<std::string> actual = assessments_of_export(csv, map);
        REQUIRE(actual.size() == expected.size());
        for (size_t i = 0; i < expected.size(); ++i) CHECK(actual[i] == expected[i]);

        // And through tne batch itself: the same records as the YAML profiles'.
        std::vector<std::string> from_yaml;
        for (const fs::path& path : example_profiles()) from_yaml.push_back(batch_records({path.string()}).at(0));
        CHECK(batch_records({csv.string(), "--csv-map", map.string()}) == from_yaml);
    }
}

// LimeSurvey exports a multiple-choice question as a column per subquestion, which a map binds with
// `options:`; the map this form writes also names the "none of these" column `[]` and the "don't
// know" column `~`.
TEST_CASE("a LimeSurvey export of the form scores exactly like the example profiles",
          "[survey][form][limesurvey-roundtrip]") {
    std::vector<std::string> from_yaml;
    for (const fs::path& path : example_profiles()) from_yaml.push_back(batch_records({path.string()}).at(0));
    for (const char* lang : {"en", "es"})
        for (bool full_answers : {false, true}) {
            INFO(lang << (full_answers ? ", full answers" : ", answer codes"));
            TempDir dir;
            const fs::path txt = dir.path() / "form.txt";
            REQUIRE(run_tne({"survey", "form", "--tool", "limesurvey", "--lang", lang, "-o", txt.string()}).exit_code ==
                    0);
            const fs::path map = dir.path() / "form.map.yaml";
            const fs::path csv = dir.path() / "limesurvey.csv";
            write_file(csv, limesurvey_export(read_tsv(read_file(txt)), example_profiles_loaded(), default_rubrics(),
                                              full_answers));
            std::vector<std::string> expected = assessments_of_yaml();
            std::vector<std::string> actual = assessments_of_export(csv, map);
            REQUIRE(actual.size() == expected.size());
            for (size_t i = 0; i < expected.size(); ++i) CHECK(actual[i] == expected[i]);
            CHECK(batch_records({csv.string(), "--csv-map", map.string()}) == from_yaml);
        }
}

TEST_CASE("an XLSForm name is a question's key unless a group or another question has it", "[survey][form]") {
    RubricSet rubric = default_rubrics();
    const Question* budget = rubric.find_question("funding.dedicated_budget");
    REQUIRE(budget);
    CHECK(xlsform_name(rubric, *budget) == "dedicated_budget");
    // Another block's question of the same key: both are named by block and key.
    Question& other = rubric.questions.back();
    REQUIRE(other.block != "funding");
    other.key = "dedicated_budget";
    CHECK(xlsform_name(rubric, *budget) == "funding_dedicated_budget");
    CHECK(xlsform_name(rubric, other) == other.block + "_dedicated_budget");
    // A key that names a block (a group of the form).
    other.key = "funding";
    CHECK(xlsform_name(rubric, other) == other.block + "_funding");
}
