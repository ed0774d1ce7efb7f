// A small append-only JSON writer that formats numbers the way Mesos (rapidjson) does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace qctl::sandbox::mesos {

/// Appends JSON text to a string. Commas are placed automatically: call `key()` before
/// each value inside an object. No validation of nesting (callers are the renderers here).
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);

  void string(std::string_view value);
  /// rapidjson's Writer::Double: whole numbers keep ".0" (`4.0`), others the shortest
  /// text that reads back to the same double (`0.1`, `8.87784090909091e-5`).
  void number(double value);
  void integer(std::int64_t value);
  void boolean(bool value);
  void null();
  /// A string value the caller knows needs no escaping (e.g. "[31000-32000]").
  void plain_string(std::string_view value);
  /// Pre-rendered JSON (a whole value).
  void raw(std::string_view json);

  // key + value in one call.
  void field(std::string_view name, std::string_view value) {
    key(name);
    string(value);
  }
  void field(std::string_view name, const char* value) {
    key(name);
    string(value);
  }
  void field(std::string_view name, const std::string& value) {
    key(name);
    string(value);
  }
  void field(std::string_view name, double value) {
    key(name);
    number(value);
  }
  void field_int(std::string_view name, std::int64_t value) {
    key(name);
    integer(value);
  }
  void field_bool(std::string_view name, bool value) {
    key(name);
    boolean(value);
  }

 private:
  void separate();
  std::string& out_;
  bool need_comma_ = false;
};

/// Appends `value` as a quoted JSON string (escapes as rapidjson: `"`, `\`, control bytes).
void append_json_string(std::string& out, std::string_view value);
/// Appends a double as rapidjson's Writer::Double writes it.
void append_json_double(std::string& out, double value);

}  // namespace qctl::sandbox::mesos
