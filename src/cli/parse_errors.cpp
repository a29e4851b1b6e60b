#include "parse_errors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "common.hpp"

namespace tne::cli {

namespace {

// The command line walked as CLI11 reads it, as far as the first word it cannot place.
struct Walk {
    const CLI::App* command = nullptr;  // the innermost command given
    std::string path;                   // " assess", " rubrics check"
    std::string unknown_command;        // a word where a command was expected
    std::string unknown_option;         // "--formt"
    std::string missing_value;          // an option given last, or before another option, without its value
};

bool is_number(std::string_view word) {
    return word.size() > 1 && word[0] == '-' && (std::isdigit(static_cast<unsigned char>(word[1])) || word[1] == '.');
}

const CLI::App* subcommand_named(const CLI::App& parent, const std::string& name) {
    for (const CLI::App* sub : parent.get_subcommands({}))
        if (sub->check_name(name)) return sub;  // its name or an alias (its word in the other language)
    return nullptr;
}

Walk walk(const CLI::App& app, int argc, char** argv) {
    Walk result;
    result.command = &app;
    bool options_end = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (!options_end && arg == "--") {
            options_end = true;
            continue;
        }
        if (!options_end && arg.size() > 1 && arg[0] == '-' && !is_number(arg)) {
            bool long_form = arg[1] == '-';
            size_t equals = arg.find('=');
            std::string name = long_form ? arg.substr(0, equals) : arg.substr(0, 2);
            const CLI::Option* option = result.command->get_option_no_throw(name);
            if (!option) {
                result.unknown_option = name;
                return result;
            }
            bool value_attached = long_form ? equals != std::string::npos : arg.size() > 2;
            if (option->get_expected_min() > 0 && !value_attached) {
                bool next_is_value = i + 1 < argc && (argv[i + 1][0] != '-' || std::string_view(argv[i + 1]) == "-" ||
                                                      is_number(argv[i + 1]));
                if (!next_is_value) {
                    result.missing_value = name;
                    return result;
                }
                ++i;
            }
            continue;
        }
        // A word: a command where one is expected, else an argument of the command.
        if (!result.command->get_subcommands({}).empty()) {
            const CLI::App* sub = subcommand_named(*result.command, arg);
            if (!sub) {
                result.unknown_command = arg;
                return result;
            }
            result.command = sub;
            result.path += " " + sub->get_name();  // named in the run's language, whichever was typed
        }
    }
    return result;
}

std::vector<std::string> command_names(const CLI::App& parent) {
    std::vector<std::string> names;
    for (const CLI::App* sub : parent.get_subcommands({})) names.push_back(sub->get_name());
    return names;
}

// The names and aliases: what a near miss may have meant, in either language.
std::vector<std::string> command_words(const CLI::App& parent) {
    std::vector<std::string> words;
    for (const CLI::App* sub : parent.get_subcommands({})) {
        words.push_back(sub->get_name());
        for (const auto& alias : sub->get_aliases()) words.push_back(alias);
    }
    return words;
}

std::vector<std::string> option_names(const CLI::App& command) {
    std::vector<std::string> names;
    for (const CLI::Option* option : command.get_options()) {
        for (const auto& name : option->get_lnames()) names.push_back("--" + name);
        for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
    return names;
}

std::string list(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

// The name a person types or reads for an option: "--format", or the positional's as --help shows it.
std::string shown_name(const CLI::Option& option) {
    return option.get_positional() && option.get_lnames().empty() && option.get_snames().empty()
               ? option.get_name(true, false)
               : option.get_name(false, false);
}

// An option's help text on one line, to follow a colon.
std::string one_line(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])))
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

// What an option's value may be: its list of choices ("{text,json}") when it has one, else the name
// of its kind ("YYYY-MM-DD"), as --help shows them.
std::string value_kind(const CLI::Option& option) {
    std::string kind = option.get_type_name();
    size_t brace = kind.find('{');
    return brace == std::string::npos ? kind : kind.substr(brace);
}

std::string unknown_command_message(const Walk& at, Lang lang) {
    std::vector<std::string> names = command_names(*at.command);
    std::string where = "tne" + at.path;
    if (at.unknown_command == "help" || at.unknown_command == "ayuda")
        return say(lang, "\"{}\" is not a command of {}: the help is {} --help",
                   "\"{}\" no es una orden de {}: la ayuda es {} --help", at.unknown_command, where, where);
    std::string suggestion = closest_match(at.unknown_command, command_words(*at.command));
    if (!suggestion.empty())
        return say(lang, "\"{}\" is not a command of {}; did you mean \"{}\"?",
                   "\"{}\" no es una orden de {}; ¿quiso decir \"{}\"?", at.unknown_command, where, suggestion);
    return say(lang, "\"{}\" is not a command of {}; the commands are: {}",
               "\"{}\" no es una orden de {}; las órdenes son: {}", at.unknown_command, where, list(names));
}

std::string unknown_option_message(const Walk& at, Lang lang) {
    std::string where = "tne" + at.path;
    std::string suggestion = closest_match(at.unknown_option, option_names(*at.command));
    if (!suggestion.empty())
        return say(lang, "{} is not an option of {}; did you mean {}?", "{} no es una opción de {}; ¿quiso decir {}?",
                   at.unknown_option, where, suggestion);
    if (at.command->get_parent() == nullptr)  // options such as --format go after the command
        return say(lang, "{} is not an option of tne; a command's options go after it: tne COMMAND {}",
                   "{} no es una opción de tne; las opciones de una orden van después de ella: tne ORDEN {}",
                   at.unknown_option, at.unknown_option);
    return say(lang, "{} is not an option of {}; its options are listed by {} --help",
               "{} no es una opción de {}; {} --help lista sus opciones", at.unknown_option, where, where);
}

// A required command or argument that was not given.
std::string required_message(const Walk& at, Lang lang) {
    std::string where = "tne" + at.path;
    if (!at.command->get_subcommands({}).empty() && at.command->get_subcommands().empty())
        return say(lang, "{} needs a command: {}", "{} necesita una orden: {}", where,
                   list(command_names(*at.command)));
    for (const CLI::Option* option : at.command->get_options())
        if (option->get_required() && option->count() == 0)
            return say(lang, "{} needs {}: {}", "{} necesita {}: {}", where, shown_name(*option),
                       one_line(option->get_description()));
    return say(lang, "{} needs more arguments", "{} necesita más argumentos", where);
}

// The arguments left over: positionals beyond those the command takes.
std::string extras_message(const CLI::App& app, const Walk& at, Lang lang) {
    std::string where = "tne" + at.path;
    std::vector<std::string> extra = app.remaining(true);
    std::string first = extra.empty() ? std::string() : extra.front();
    std::vector<std::string> takes;
    for (const CLI::Option* option : at.command->get_options())
        if (option->get_positional()) takes.push_back(shown_name(*option));
    if (takes.empty())
        return say(lang, "\"{}\": {} takes no arguments besides its options",
                   "\"{}\": {} no lleva argumentos aparte de sus opciones", first, where);
    return say(lang, "\"{}\" is one argument too many: {} takes {}", "\"{}\" es un argumento de más: {} lleva {}",
               first, where, list(takes));
}

// CLI11's ValidationError is "NAME: MESSAGE", where our checks (common.hpp) write MESSAGE as
// "VALUE: what was expected": an option's name goes before its value, a positional's is left out.
std::string validation_message(const std::string& what) {
    size_t colon = what.find(": ");
    if (colon == std::string::npos) return what;
    std::string name = what.substr(0, colon);
    std::string rest = what.substr(colon + 2);
    return name[0] == '-' ? name + " " + rest : rest;
}

// CLI11's ConversionError is "Could not convert: NAME = VALUE", or "NAME: ..." for some flags.
std::string conversion_message(const std::string& what, const Walk& at, Lang lang) {
    std::string name;
    std::string value;
    std::string_view prefix = "Could not convert: ";
    if (size_t equals = what.find(" = "); what.rfind(prefix, 0) == 0 && equals != std::string::npos) {
        name = what.substr(prefix.size(), equals - prefix.size());
        value = what.substr(equals + 3);
    } else if (size_t colon = what.find(": "); what[0] == '-' && colon != std::string::npos) {
        name = what.substr(0, colon);
    }
    const CLI::Option* option = name.empty() ? nullptr : at.command->get_option_no_throw(name);
    if (option && option->get_expected_max() == 0)  // a flag: --explain=maybe
        return say(lang, "{} is a flag: give it alone, without a value",
                   "{} es un indicador: escríbalo solo, sin valor", name);
    if (option)
        return say(lang, "{} {}: not a value {} takes", "{} {}: no es un valor que admita {}", name, value, name);
    return tr(lang, "a value is not of the kind its option takes", "un valor no es del tipo que admite su opción");
}

// An option given more than once where it takes one value.
std::string repeated_option(const Walk& at) {
    for (const CLI::Option* option : at.command->get_options())
        if (!option->get_positional() && option->count() > 1 && option->get_expected_min() > 0 &&
            option->get_expected_max() <= 1 && option->get_multi_option_policy() == CLI::MultiOptionPolicy::Throw)
            return option->get_name();
    return {};
}

}  // namespace

UsageMessage parse_error_message(const CLI::ParseError& error, const CLI::App& app, int argc, char** argv, Lang lang) {
    Walk at = walk(app, argc, argv);
    UsageMessage message{{}, at.path};
    // The first word CLI11 could not place explains the rest: `--formt html FILE` also leaves `html`
    // where the profile goes.
    if (!at.unknown_command.empty()) {
        message.text = unknown_command_message(at, lang);
    } else if (!at.unknown_option.empty()) {
        message.text = unknown_option_message(at, lang);
    } else if (!at.missing_value.empty()) {
        const CLI::Option* option = at.command->get_option_no_throw(at.missing_value);
        message.text = say(lang, "{} needs a value: {} {}", "{} necesita un valor: {} {}", at.missing_value,
                           at.missing_value, option ? value_kind(*option) : std::string());
    } else if (dynamic_cast<const CLI::ValidationError*>(&error)) {
        message.text = validation_message(error.what());
    } else if (dynamic_cast<const CLI::RequiredError*>(&error)) {
        message.text = required_message(at, lang);
    } else if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
        message.text = extras_message(app, at, lang);
    } else if (std::string name = repeated_option(at);
               !name.empty() && dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
        message.text = say(lang, "{} is given more than once; give it once",
                           "{} aparece más de una vez; indíquelo una sola vez", name);
    } else if (dynamic_cast<const CLI::ConversionError*>(&error)) {
        message.text = conversion_message(error.what(), at, lang);
    } else if (std::string what = error.what();
               dynamic_cast<const CLI::RequiresError*>(&error) && what.find(" requires ") != std::string::npos) {
        size_t at_word = what.find(" requires ");  // CLI11's "A requires B": tne uses none today
        message.text =
            say(lang, "{} needs {} too", "{} necesita también {}", what.substr(0, at_word), what.substr(at_word + 10));
    } else if (dynamic_cast<const CLI::ExcludesError*>(&error) && what.find(" excludes ") != std::string::npos) {
        size_t at_word = what.find(" excludes ");  // CLI11's "A excludes B": tne uses none today
        message.text =
            say(lang, "{} and {} cannot be given together; give one of them",
                "{} y {} no pueden darse juntos; indique solo uno", what.substr(0, at_word), what.substr(at_word + 10));
    } else {  // a construction CLI11 cannot read otherwise
        message.text = tr(lang, "the command line cannot be read as given", "la línea de órdenes no se puede leer así");
    }
    return message;
}

}  // namespace tne::cli
