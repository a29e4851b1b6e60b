// `tne survey map EXPORT`: a survey map (survey.hpp) drafted from an export's header and the answers
// it holds. Each column is matched to the profile question whose text reads most like its header,
// and each answer to the value whose label or id reads most like it; docs/batch.md says how they
// score. What cannot be decided is left for a person: a column whose question is uncertain is a
// `TODO` entry the map reader refuses, with its candidates in a comment.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tne/rubric.hpp"
#include "tne/text.hpp"

namespace tne {

// How alike two texts read, from 0 to 1: the Dice coefficient of their sets of word stems (2 × the
// stems in both / the stems of each), words lower-cased and without accents, each cut to its first
// six letters ("internacionales" and "internacional" are one stem), leaving out words that say
// nothing on their own ("de", "la", "the", "of").
double text_similarity(std::string_view a, std::string_view b);

struct DraftMapOptions {
    Lang lang = Lang::en;  // of the comments, and of the paths and ids written
    std::string source;    // the export's name, for the comments and messages
    std::string sheet;     // of an .xlsx export (`--sheet`); empty: the first. The map names it.
};

// The map drafted for the export `file`, as the text of a YAML file. The export is read as `tne
// batch` reads it (SurveyExport): CSV in UTF-8, UTF-16 or Windows-1252 with its delimiter found,
// Qualtrics' and SurveyMonkey's header rows, or an .xlsx workbook's sheet. Throws InputError when
// the export cannot be read, has no header, or holds a cell that is not text.
std::string draft_survey_map_file(const std::string& file, const RubricSet& rubric, const DraftMapOptions& options);
// The same for an export's bytes, `options.source` naming it (and by its extension, its form).
std::string draft_survey_map(const std::string& text, const RubricSet& rubric, const DraftMapOptions& options);

}  // namespace tne
