// The shell every HTML report shares: one self-contained page (inline CSS, no scripts, fonts or
// images from elsewhere) with a print stylesheet for A4 that prints it whole (folded details open,
// headings kept with what follows), in the report's language.
#pragma once

#include <string>
#include <string_view>

#include "report/svg.hpp"
#include "tne/text.hpp"

namespace tne::html {

using svg::escape;

// A complete document: <!DOCTYPE html>, <html lang>, the shared stylesheet, `body` as given.
std::string page(Lang lang, std::string_view title, std::string_view body);

}  // namespace tne::html
