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
};

// The map drafted for the CSV export `text` (its bytes), as the text of a YAML file. Throws
// InputError when the export has no header.
std::string draft_survey_map(const std::string& text, const RubricSet& rubric, const DraftMapOptions& options);

}  // namespace tne
