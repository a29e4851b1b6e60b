// The rubric set as a form to field in a survey tool (`tne survey form`), with the survey map that
// reads the tool's export of the responses (`tne batch --csv-map`), so that responses come back
// already mapped. Two tools: LimeSurvey (its tab-separated survey structure, imported as a .txt) and
// XLSForm (KoboToolbox, ODK), whose sheets the caller writes as an .xlsx.
#pragma once

#include <string>
#include <vector>

#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne {

enum class FormTool { limesurvey, xlsform };

// One sheet of a workbook: rows of text cells, the first row its header.
struct FormSheet {
    std::string name;
    std::vector<std::vector<std::string>> rows;
};

struct SurveyForm {
    // LimeSurvey: the survey structure's text (UTF-8 with a byte-order mark, tab-separated).
    std::string text;
    // XLSForm: the sheets survey, choices and settings, in that order.
    std::vector<FormSheet> sheets;
    // The survey map (YAML) that reads the tool's CSV export of the responses.
    std::string map;
};

// The names a form gives what it adds to every question of a kind: the "don't know" choice of a
// question that may stay unknown, and the "none of these" choice of a list question.
struct FormCodes {
    // LimeSurvey: answer and subquestion codes (at most 5 characters, letters and digits).
    static constexpr const char* limesurvey_dont_know = "DK";
    static constexpr const char* limesurvey_none = "NONE";
    // XLSForm: choice names.
    static constexpr const char* xlsform_dont_know = "dont_know";
    static constexpr const char* xlsform_none = "none";
};

// Every question of `rubric` (each block a group: the institution, then each dimension), in both
// languages, `lang` the form's first (default) language. The map is commented in `lang`.
SurveyForm survey_form(const RubricSet& rubric, FormTool tool, Lang lang);

// The code a LimeSurvey form gives the question at `index` of rubric.questions ("Q1", "Q2", ...),
// the code of its value at `value` ("A1", ...) and of its option at `value` of a list ("SQ001", ...).
std::string limesurvey_question_code(size_t index);
std::string limesurvey_answer_code(size_t value);
std::string limesurvey_option_code(size_t value);

// The name an XLSForm gives a question: its key, or block_key when another block has a question of
// that key, or a block is named so (a group's name and a question's share one namespace).
std::string xlsform_name(const RubricSet& rubric, const Question& question);

}  // namespace tne
