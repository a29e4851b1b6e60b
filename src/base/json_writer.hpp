// A small JSON writer with stable formatting: two-space indentation, keys in the order written,
// numbers rounded to a fixed number of decimals. Same input, same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tne {

// The decimals of a computed figure (a score, fit, share, gain or confidence) in JSON, JSON Lines
// and CSV: full precision for any use, as reports round to whole figures (words::figure), without
// the noise of a double's last bits (a delta of 7.1e-15 that is really 0). The rubric's own
// numbers (weights, points) have at most two.
inline constexpr int kFigureDecimals = 6;

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(bool flag);
    JsonWriter& value(int number);
    JsonWriter& number(double number, int decimals);
    JsonWriter& null();
    JsonWriter& strings(const std::vector<std::string>& items);

    // Shorthands for a key and its value.
    template <class T>
    JsonWriter& field(std::string_view name, const T& v) {
        return key(name).value(v);
    }

    std::string str() const { return out_ + "\n"; }

private:
    void before_value();
    JsonWriter& close(char bracket);
    void newline();

    std::string out_;
    std::vector<bool> has_items_;  // one per open container
    bool after_key_ = false;
};

std::string json_escape(std::string_view text);

}  // namespace tne
