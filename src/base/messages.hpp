// The messages of input errors, in English and Spanish. Arguments are positional ({0}, {1}...);
// where a message embeds another localized text, {2} is its English and {3} its Spanish form.
#pragma once

#include "tne/text.hpp"

namespace tne::msg {

// YAML in general
inline constexpr Message yaml_syntax{"invalid YAML: {2}", "YAML no válido: {3}"};
inline constexpr Message key_not_scalar{"a key must be a plain name", "una clave debe ser un nombre simple"};
inline constexpr Message duplicate_key{"the key \"{0}\" is given twice; a key may appear once",
                                       "la clave \"{0}\" aparece dos veces; una clave solo puede aparecer una vez"};
inline constexpr Message unknown_key{"unknown key \"{0}\" in {1}; expected one of: {2}",
                                     "clave desconocida \"{0}\" en {1}; se esperaba una de: {2}"};
inline constexpr Message unknown_key_did_you_mean{"unknown key \"{0}\" in {1}; did you mean \"{2}\"?",
                                                  "clave desconocida \"{0}\" en {1}; ¿quiso decir \"{2}\"?"};
inline constexpr Message cannot_read_file{"cannot read the file", "no se puede leer el archivo"};

// YAML syntax, in plain words (yaml_mistakes.cpp): the common mistakes of a person writing by hand,
// found on the text, then yaml-cpp's messages
inline constexpr Message yaml_tab_indent{
    "a tab indents this line; YAML indents with spaces only: replace the tab with spaces",
    "un tabulador sangra esta línea; YAML solo sangra con espacios: reemplace el tabulador por espacios"};
inline constexpr Message yaml_space_after_colon{"write a space after the colon: `{0}`",
                                                "escriba un espacio después de los dos puntos: `{0}`"};
inline constexpr Message yaml_colon_after_key{"a key needs a colon and a space after it: `{0}`",
                                              "una clave lleva dos puntos y un espacio después: `{0}`"};
inline constexpr Message yaml_quote_never_closed{
    "the quote ({0}) opened here is never closed, so the rest of the file is read as its text: close it: `{1}`",
    "las comillas ({0}) abiertas aquí no se cierran nunca, así que el resto del archivo se lee como su texto: "
    "ciérrelas: `{1}`"};
inline constexpr Message yaml_quote_closed_late{
    "the quote ({0}) opened here is closed only on line {1}, so the lines between are read as its text: close it "
    "on this line: `{2}`",
    "las comillas ({0}) abiertas aquí solo se cierran en la línea {1}, así que las líneas intermedias se leen como "
    "su texto: ciérrelas en esta línea: `{2}`"};
inline constexpr Message yaml_bracket_never_closed{"the {0} opened here is never closed: close it with {1}: `{2}`",
                                                   "el {0} abierto aquí no se cierra nunca: ciérrelo con {1}: `{2}`"};
inline constexpr Message yaml_indented_more{
    "this line is indented {0} spaces, more than the line above ({1}), which has its own value: line it up with "
    "\"{2}\" ({1} spaces)",
    "esta línea tiene {0} espacios de sangría, más que la línea de arriba ({1}), que ya tiene su valor: alinéela "
    "con \"{2}\" ({1} espacios)"};
inline constexpr Message yaml_indented_nowhere{
    "this line is indented {0} spaces, which lines it up with no key above it: indent it {1} spaces, as \"{2}\"",
    "esta línea tiene {0} espacios de sangría, que no la alinean con ninguna clave de arriba: sángrela {1} "
    "espacios, como \"{2}\""};
inline constexpr Message yaml_end_of_map{
    "a block ends where it should not: check the indentation of this line against the lines above",
    "un bloque termina donde no debe: revise la sangría de esta línea frente a las de arriba"};
inline constexpr Message yaml_end_of_map_flow{"a {{ ... }} is not closed: end it with }}",
                                              "un {{ ... }} no está cerrado: termínelo con }}"};
inline constexpr Message yaml_end_of_sequence{
    "a list of \"- \" items ends where it should not: check the indentation of this line",
    "una lista de elementos \"- \" termina donde no debe: revise la sangría de esta línea"};
inline constexpr Message yaml_end_of_sequence_flow{"a [ ... ] list is not closed: end it with ]",
                                                   "una lista [ ... ] no está cerrada: termínela con ]"};
inline constexpr Message yaml_map_value{
    "a colon here does not start a value: a key goes at the start of its line, lined up with the keys beside "
    "it, and a text that holds \": \" goes in quotes",
    "unos dos puntos aquí no empiezan un valor: una clave va al inicio de su línea, alineada con las claves "
    "vecinas, y un texto que contiene \": \" va entre comillas"};
inline constexpr Message yaml_block_entry{
    "a \"- \" item is not allowed here: line it up with the other items of its list, under its key",
    "un elemento \"- \" no está permitido aquí: alinéelo con los demás elementos de su lista, bajo su clave"};
inline constexpr Message yaml_map_key{"a key is not allowed here: check the indentation of this line",
                                      "una clave no está permitida aquí: revise la sangría de esta línea"};
inline constexpr Message yaml_unknown_token{
    "a character that cannot start a value here: put the value in quotes",
    "un carácter que no puede empezar un valor aquí: ponga el valor entre comillas"};
inline constexpr Message yaml_eof_in_scalar{
    "the file ends inside a quoted text: close the quote",
    "el archivo termina dentro de un texto entre comillas: cierre las comillas"};
inline constexpr Message yaml_character_in_scalar{
    "a character that is not allowed in this value: put the value in quotes",
    "un carácter que no se admite en este valor: ponga el valor entre comillas"};
inline constexpr Message yaml_flow_end{"a ] or }} that closes nothing: remove it, or put the text in quotes",
                                       "un ] o }} que no cierra nada: quítelo, o ponga el texto entre comillas"};
inline constexpr Message yaml_unknown_anchor{
    "*name refers to no &name above it: define the anchor first, or write the value out",
    "*nombre no remite a ningún &nombre anterior: defina antes el ancla, o escriba el valor"};
inline constexpr Message yaml_no_name{
    "a * or & must be followed by a name: put a text that starts with * or & in quotes",
    "un * o & va seguido de un nombre: ponga entre comillas un texto que empiece por * o &"};
inline constexpr Message yaml_unknown_escape{
    "an unknown escape (\\{0}) in double quotes: write \\\\ for a backslash, or use single quotes",
    "un escape desconocido (\\{0}) entre comillas dobles: escriba \\\\ para una barra invertida, o use comillas "
    "simples"};
inline constexpr Message yaml_other{"{0}", "el texto no sigue la sintaxis de YAML en este punto"};

// Input guards, before any parsing (docs/security.md)
inline constexpr Message input_too_large{
    "the input is {0} bytes, more than the limit of {1} bytes; set {2} to raise it",
    "la entrada tiene {0} bytes, más que el límite de {1} bytes; defina {2} para ampliarlo"};
inline constexpr Message document_too_large{
    "the document is larger than the limit of {0} bytes; set {1} to raise it",
    "el documento es mayor que el límite de {0} bytes; defina {1} para ampliarlo"};
inline constexpr Message second_document{
    "a second YAML document starts here, which would be ignored; a file holds one (tne batch reads streams of "
    "profiles)",
    "aquí empieza un segundo documento YAML, que se ignoraría; un archivo contiene uno (tne batch lee flujos de "
    "perfiles)"};
inline constexpr Message invalid_utf8{"byte 0x{0} is not UTF-8: save the file as UTF-8 text",
                                      "el byte 0x{0} no es UTF-8: guarde el archivo como texto UTF-8"};
inline constexpr Message nul_byte{
    "a NUL byte (U+{0}) is not allowed in a text file: is this a binary file?",
    "un byte NUL (U+{0}) no está permitido en un archivo de texto: ¿es un archivo binario?"};
inline constexpr Message control_character{"the control character U+{0} is not allowed in YAML: remove it",
                                           "el carácter de control U+{0} no está permitido en YAML: elimínelo"};
inline constexpr Message nesting_too_deep{
    "the YAML nests deeper than the reader's limit of {0} levels; no profile or rubric file needs more than a few",
    "el YAML se anida a más del límite del lector, {0} niveles; ningún perfil ni archivo de rúbricas necesita más de "
    "unos pocos"};
inline constexpr Message too_many_nodes{
    "the document expands to more than {0} values through its aliases (*name); write the values out",
    "el documento se expande a más de {0} valores mediante sus alias (*nombre); escriba los valores"};
inline constexpr Message too_many_values{
    "the document has more than {0} values; a profile has a few hundred and the largest rubric file about "
    "2,000: is this the right file?",
    "el documento tiene más de {0} valores; un perfil tiene unos cientos y el mayor archivo de rúbricas unos "
    "2000: ¿es el archivo correcto?"};
inline constexpr Message outside_rubric_folder{
    "{0} is outside the rubric set's folder; name a file inside it",
    "{0} está fuera de la carpeta del conjunto de rúbricas; indique un archivo dentro de ella"};

// Profiles
inline constexpr Message profile_not_map{
    "a profile is a map with an \"institution\" block and one block per dimension, not {0}",
    "un perfil es un mapa con un bloque \"institution\" y un bloque por dimensión, no {0}"};
inline constexpr Message duplicate_block{
    "the block \"{0}\" is given twice; if a second profile starts here, put a line \"---\" before it "
    "(in a stream, each profile starts with \"---\"; tne init writes it)",
    "el bloque \"{0}\" aparece dos veces; si aquí empieza un segundo perfil, ponga antes una línea \"---\" "
    "(en un flujo, cada perfil empieza con \"---\"; tne init la escribe)"};
inline constexpr Message more_problems{
    "and {0} more problems from here on, not shown: fix the ones above first (is this the right file?)",
    "y {0} problemas más desde aquí, no mostrados: corrija primero los anteriores (¿es el archivo correcto?)"};
inline constexpr Message block_not_map{"\"{0}\" must be a map of answers, not {1}",
                                       "\"{0}\" debe ser un mapa de respuestas, no {1}"};
inline constexpr Message key_twice{
    "\"{0}\" is {1} again, already written as \"{2}\" (the same key in English and in Spanish); write it once",
    "\"{0}\" es otra vez {1}, ya escrito como \"{2}\" (la misma clave en inglés y en español); escríbalo una sola "
    "vez"};
inline constexpr Message missing_required{"{0} is required", "{0} es obligatorio"};
inline constexpr Message invalid_answer{"{0}: {1} is not valid; expected {2}",
                                        "{0}: {1} no es válido; se esperaba {3}"};
inline constexpr Message invalid_value{"{0}: {1} is not valid; expected one of: {2}",
                                       "{0}: {1} no es válido; se esperaba uno de: {2}"};
inline constexpr Message invalid_value_did_you_mean{"{0}: {1} is not valid; did you mean \"{2}\"?",
                                                    "{0}: {1} no es válido; ¿quiso decir \"{2}\"?"};
inline constexpr Message expected_text{"a non-empty text", "un texto no vacío"};
inline constexpr Message text_too_long{"{0}: a text of {1} characters; expected at most {2}",
                                       "{0}: un texto de {1} caracteres; se esperaban {2} como máximo"};
inline constexpr Message expected_list_of{"a list of: {0}", "una lista de: {0}"};
inline constexpr Message expected_percent{"a number from 0 to 100 (a percentage), unquoted",
                                          "un número de 0 a 100 (un porcentaje), sin comillas"};
inline constexpr Message expected_count{"a whole number in {0}, unquoted", "un número entero en {0}, sin comillas"};
inline constexpr Message expected_date{"a date written YYYY-MM-DD, e.g. 2026-03-31",
                                       "una fecha escrita AAAA-MM-DD, p. ej. 2026-03-31"};
inline constexpr Message evidence_of_unknown{
    "{0}: evidence is given for an unknown answer; give the value, or leave the evidence out",
    "{0}: se da evidencia de una respuesta desconocida; indique el valor o quite la evidencia"};
inline constexpr Message duplicate_item{"\"{0}\" appears twice in {1}", "\"{0}\" aparece dos veces en {1}"};

// What-if settings (--set PATH=VALUE)
inline constexpr Message setting_form{"expected PATH=VALUE, e.g. language.faculty_b2_percent=40",
                                      "se esperaba RUTA=VALOR, p. ej. language.faculty_b2_percent=40"};

// Rubric sets
inline constexpr Message unexpected_shape{"the file does not have the shape of its kind ({0}); see tne rubrics schema",
                                          "el archivo no tiene la forma de su tipo ({0}); vea tne rubrics schema"};
inline constexpr Message rubric_file_missing{"rubric file not found: {0}", "no se encontró el archivo de rúbrica: {0}"};
inline constexpr Message expected_map{"expected a map, found {0}", "se esperaba un mapa, se encontró {0}"};
inline constexpr Message expected_map_for{"{0} must be a map, found {1}", "{0} debe ser un mapa, se encontró {1}"};
inline constexpr Message missing_key{"missing key \"{0}\" in {1}", "falta la clave \"{0}\" en {1}"};
inline constexpr Message expected_string{"expected a non-empty string, found {0}",
                                         "se esperaba un texto no vacío, se encontró {0}"};
inline constexpr Message expected_number{"expected a number, found {0}", "se esperaba un número, se encontró {0}"};
inline constexpr Message expected_whole_in{"expected a whole number from {1} to {2}, found {0}",
                                           "se esperaba un número entero de {1} a {2}, se encontró {0}"};
inline constexpr Message expected_positive{"expected a positive number, found {0}",
                                           "se esperaba un número positivo, se encontró {0}"};
inline constexpr Message expected_list{"expected a list, found {0}", "se esperaba una lista, se encontró {0}"};
inline constexpr Message expected_one_of{"{0} is not valid; expected one of: {1}",
                                         "{0} no es válido; se esperaba uno de: {1}"};
inline constexpr Message expected_annex_section{
    "{0} is not an Annex section; expected a number such as \"4.1.5\"",
    "{0} no es una sección del Anexo; se esperaba un número como \"4.1.5\""};
inline constexpr Message values_required{"{0}: a choice or list question needs \"values\"",
                                         "{0}: una pregunta de opción o de lista necesita \"values\""};
inline constexpr Message values_not_allowed{"{0}: only choice and list questions take \"values\"",
                                            "{0}: solo las preguntas de opción o de lista llevan \"values\""};
inline constexpr Message count_needs_range{"{0}: a count question needs \"min\" and \"max\"",
                                           "{0}: una pregunta de conteo necesita \"min\" y \"max\""};
inline constexpr Message range_reversed{"{0}: \"max\" is below \"min\"", "{0}: \"max\" es menor que \"min\""};
inline constexpr Message spanish_id_invalid{
    "the Spanish id \"{0}\" is not an id: lower-case letters (accents and ñ too), digits and '_', starting with a "
    "letter",
    "el id en español \"{0}\" no es un id: minúsculas (también con acento y ñ), dígitos y '_', empezando con una "
    "letra"};
inline constexpr Message spanish_id_clash{
    "the Spanish id \"{0}\" of {1} is written like \"{3}\", which names {2} (names are compared without accents "
    "and case); give one of them another",
    "el id en español \"{0}\" de {1} se escribe como \"{3}\", que nombra {2} (los nombres se comparan sin "
    "acentos ni mayúsculas); dé a uno de ellos otro"};
inline constexpr Message duplicate_id{"\"{0}\" is defined twice", "\"{0}\" está definido dos veces"};
inline constexpr Message dimension_id_mismatch{"the file's id is \"{0}\" but the rubric set lists it as \"{1}\"",
                                               "el id del archivo es \"{0}\" pero el conjunto lo nombra \"{1}\""};
inline constexpr Message unknown_question{"no question \"{0}\" in the rubric set",
                                          "no existe la pregunta \"{0}\" en el conjunto de rúbricas"};
inline constexpr Message unknown_question_did_you_mean{"no question \"{0}\" in the rubric set; did you mean \"{1}\"?",
                                                       "no existe la pregunta \"{0}\"; ¿quiso decir \"{1}\"?"};
inline constexpr Message rule_needs_levels{"{0}: a choice or yes/partial/no question is scored with \"levels\"",
                                           "{0}: una pregunta de opción o sí/parcial/no se califica con \"levels\""};
inline constexpr Message rule_needs_bands{"{0}: a number or list question is scored with \"bands\"",
                                          "{0}: una pregunta numérica o de lista se califica con \"bands\""};
inline constexpr Message question_not_scorable{"{0}: a text question cannot be scored",
                                               "{0}: una pregunta de texto no se puede calificar"};
inline constexpr Message level_not_a_value{"\"{0}\" is not a value of {1}", "\"{0}\" no es un valor de {1}"};
inline constexpr Message value_without_level{"the value \"{0}\" of {1} has no level",
                                             "el valor \"{0}\" de {1} no tiene nivel"};
inline constexpr Message bands_not_ascending{"{0}: bands must ascend by \"at_least\"",
                                             "{0}: las bandas deben ir en orden creciente de \"at_least\""};
inline constexpr Message bands_not_covering{"{0}: the first band must start at the question's minimum",
                                            "{0}: la primera banda debe empezar en el mínimo de la pregunta"};
inline constexpr Message score_out_of_range{"{0}: scores go from 0 to 100", "{0}: los puntajes van de 0 a 100"};
inline constexpr Message no_criteria{"dimension \"{0}\" has no criteria", "la dimensión \"{0}\" no tiene criterios"};
inline constexpr Message condition_subject{"a condition names exactly one of \"dimension\" and \"question\"",
                                           "una condición indica exactamente uno de \"dimension\" y \"question\""};
inline constexpr Message condition_test{
    "a condition has exactly one of \"at_least\", \"at_most\", \"in\", \"any_of\"",
    "una condición lleva exactamente uno de \"at_least\", \"at_most\", \"in\", \"any_of\""};
inline constexpr Message condition_test_type{"the test does not fit the type of {0}",
                                             "la prueba no corresponde al tipo de {0}"};
inline constexpr Message unknown_dimension{"no dimension \"{0}\" in the rubric set",
                                           "no existe la dimensión \"{0}\" en el conjunto de rúbricas"};
inline constexpr Message model_without_fit{"model \"{0}\" has no fit weights",
                                           "el modelo \"{0}\" no tiene pesos de ajuste"};
inline constexpr Message unknown_model{"no model \"{0}\" (a stepping stone of \"{1}\")",
                                       "no existe el modelo \"{0}\" (paso previo de \"{1}\")"};
inline constexpr Message unknown_advice_model{"no model \"{0}\" (a first step of the advice)",
                                              "no hay un modelo \"{0}\" (un primer paso del consejo)"};
inline constexpr Message first_steps_default{"the last first step must have no `when`: it is the default",
                                             "el último primer paso no debe tener `when`: es el predeterminado"};
inline constexpr Message stepping_stone_not_earlier{
    "\"{0}\" must have an earlier stage than \"{1}\", which builds on it",
    "\"{0}\" debe tener una etapa anterior a \"{1}\", que se basa en él"};
inline constexpr Message missing_translation{"{0}: the {2} text is missing or empty",
                                             "{0}: falta el texto en {3} o está vacío"};
inline constexpr Message unknown_annex_section{
    "\"{0}\" is not a section of the Annex (see the set's annex file)",
    "\"{0}\" no es una sección del Anexo (vea el archivo annex del conjunto)"};
inline constexpr Message band_unreachable{
    "{0}: no answer reaches the band at {1}; the question's maximum is {2}",
    "{0}: ninguna respuesta alcanza la banda de {1}; el máximo de la pregunta es {2}"};
inline constexpr Message levels_not_ascending{"levels start at 0 and ascend by \"from\"",
                                              "los niveles empiezan en 0 y ascienden por \"from\""};

// Rubric files against their JSON Schema (schemas/rubric-set.schema.json)
inline constexpr Message schema_expected_type{"expected {2} at {0}, found {1}",
                                              "se esperaba {3} en {0}, se encontró {1}"};
inline constexpr Message schema_empty_text{"{0} is empty", "{0} está vacío"};
inline constexpr Message schema_too_few{"{0} needs at least {1} item(s)", "{0} necesita al menos {1} elemento(s)"};
inline constexpr Message schema_out_of_range{"{0} is outside {1} at {2}", "{0} está fuera de {1} en {2}"};
inline constexpr Message schema_pattern{"{0} is not valid at {1}: expected {2}",
                                        "{0} no es válido en {1}: se esperaba {3}"};
inline constexpr Message schema_other{"{0} does not match the rubric schema: {1}",
                                      "{0} no cumple el esquema de rúbricas: {1}"};
inline constexpr Message too_deep{"the document nests deeper than {0} levels, or refers to itself",
                                  "el documento se anida a más de {0} niveles, o se refiere a sí mismo"};

// Analyses of a whole rubric set (tne rubrics check)
inline constexpr Message never_full_score{"{0} can never score full points: its best score is {1}",
                                          "{0} nunca obtiene el puntaje completo: su mejor puntaje es {1}"};
inline constexpr Message infeasible_question{
    "no profile can make \"{0}\" feasible: its requirements on {1} admit no answer",
    "ningún perfil puede hacer factible \"{0}\": sus requisitos sobre {1} no admiten respuesta"};
inline constexpr Message infeasible_dimension{
    "no profile can make \"{0}\" feasible: {1} can only score {2} to {3} under the model's requirements",
    "ningún perfil puede hacer factible \"{0}\": {1} solo puede obtener de {2} a {3} con los requisitos del modelo"};
inline constexpr Message unused_question{"{0} is neither scored by a criterion nor read by a model",
                                         "{0} no la califica ningún criterio ni la lee ningún modelo"};
inline constexpr Message untranslated{"the Spanish text is the same as the English: \"{0}\"",
                                      "el texto en español es igual al inglés: \"{0}\""};
inline constexpr Message no_tests{"the rubric set has no test cases",
                                  "el conjunto de rúbricas no tiene casos de prueba"};
inline constexpr Message untested_model{"no test case expects anything of model \"{0}\"",
                                        "ningún caso de prueba espera nada del modelo \"{0}\""};
inline constexpr Message untested_dimension{"no test case expects a score or level of dimension \"{0}\"",
                                            "ningún caso de prueba espera un puntaje o nivel de la dimensión \"{0}\""};
inline constexpr Message basis_missing{
    "{0} has neither a `quote` of its Annex section nor an `assumption`",
    "{1} no tiene ni una cita (`quote`) de su sección del Anexo ni un supuesto (`assumption`)"};

// The Annex's own words (tne rubrics check --source FILE)
inline constexpr Message quote_not_in_section{"the quote \"{0}\" was not found in section {1} of {2} (lines {3})",
                                              "la cita \"{0}\" no se encontró en la sección {1} de {2} (líneas {3})"};
inline constexpr Message quote_in_other_section{
    "the quote \"{0}\" was not found in section {1} of {2}; it is in section {3}",
    "la cita \"{0}\" no se encontró en la sección {1} de {2}; está en la sección {3}"};
inline constexpr Message quote_not_in_source{"the quote \"{0}\" was not found in {1}",
                                             "la cita \"{0}\" no se encontró en {1}"};
inline constexpr Message heading_not_found{
    "the heading of section {0}, \"{1}\", was not found in {2} as a whole line after the previous section's heading",
    "el encabezado de la sección {0}, \"{1}\", no se encontró en {2} como línea completa después del de la sección "
    "anterior"};
inline constexpr Message heading_missing{
    "section {0} has no `heading`, so its text cannot be found in {1}",
    "la sección {0} no tiene `heading`, así que su texto no se puede encontrar en {1}"};
inline constexpr Message ends_not_found{
    "the line that ends section {0}, \"{1}\", was not found within it in {2}",
    "la línea que cierra la sección {0}, \"{1}\", no se encontró dentro de ella en {2}"};

}  // namespace tne::msg
