#include "sageon/input/input_reader.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "sageon/base/line_cursor.h"
#include "sageon/base/utf8.h"

namespace sageon {

namespace fs = std::filesystem;

namespace {

bool IsInputFile(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson";
}

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name.front() == '.';
}

Result<std::string> ReadAll(const std::string& path) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path + ": cannot open for reading");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return IoError(path + ": read failed");
  return content;
}

// Converts `bytes` from `charset` with ICU. With `strict`, any unmappable or illegal byte fails.
bool ConvertWithIcu(std::string_view bytes, const char* charset, bool strict, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  if (U_FAILURE(status)) return false;
  if (strict) {
    ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  icu::UnicodeString unicode(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status)) return false;
  out->clear();
  unicode.toUTF8String(*out);
  return true;
}

// ICU's windows-949 maps a lone 0x80 to U+0080 and a lone 0xFF to private use (U+F8F7) without
// calling the error callback; real CP949 text decodes to neither, so such a result is not CP949.
bool LooksLikeCp949Text(std::string_view decoded) {
  for (size_t pos = 0; pos < decoded.size();) {
    const char32_t c = utf8::Next(decoded, &pos);
    if ((c >= 0x80 && c <= 0x9F) || (c >= 0xE000 && c <= 0xF8FF)) return false;
  }
  return true;
}

size_t CountReplacementCharacters(std::string_view text) {
  size_t count = 0;
  for (size_t pos = 0; pos < text.size();) count += utf8::Next(text, &pos) == 0xFFFD ? 1 : 0;
  return count;
}

bool IsJsonLines(const std::string& path, InputFormat format) {
  if (format != InputFormat::kAuto) return format == InputFormat::kJsonl;
  const std::string ext = fs::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

void ReadJsonLines(const std::string& path, std::string_view content,
                   const InputCallbacks& callbacks) {
  LineCursor lines(content);
  std::string_view line;
  while (lines.Next(&line)) {
    const std::string source = path + ":" + std::to_string(lines.line_number());
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    auto fail = [&](std::string reason, std::string id = {}) {
      callbacks.on_problem(InputProblem{source, id.empty() ? source : id, std::move(reason), true});
    };
    const size_t invalid = utf8::FindInvalid(line);
    if (invalid != std::string_view::npos) {
      fail("invalid UTF-8 at byte " + std::to_string(invalid) + " of the line");
      continue;
    }
    nlohmann::json object = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (object.is_discarded() || !object.is_object()) {
      fail("not a JSON object");
      continue;
    }
    RawDocument doc;
    doc.source = source;
    doc.encoding = "utf-8";
    if (const auto id = object.find("id"); id != object.end()) {
      if (id->is_string()) {
        doc.id = id->get<std::string>();
        if (doc.id.empty()) doc.id = source;  // an empty id would name nothing
      } else if (id->is_number_integer()) {
        doc.id = id->dump();
      } else {
        fail("\"id\" is neither a string nor an integer");
        continue;
      }
    } else {
      doc.id = source;
    }
    const auto text = object.find("text");
    if (text == object.end() || !text->is_string()) {
      fail(text == object.end() ? "no \"text\" field" : "\"text\" is not a string", doc.id);
      continue;
    }
    doc.text = text->get<std::string>();
    for (const char* key : {"title", "url"}) {
      const auto field = object.find(key);
      if (field != object.end() && field->is_string()) {
        (std::string_view(key) == "title" ? doc.title : doc.url) = field->get<std::string>();
      }
    }
    if (const auto date = object.find("date"); date != object.end() && !date->is_null()) {
      auto parsed = date->is_string()
                        ? ParseIsoDateTime(date->get<std::string>())
                        : Result<DateTime>(InvalidArgument("\"date\" is not a string"));
      if (parsed.ok()) {
        doc.date = *parsed;
      } else {
        doc.warnings.push_back(source + ": ignoring \"date\": " + parsed.status().message());
      }
    }
    callbacks.on_document(std::move(doc));
  }
}

}  // namespace

Result<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return NotFound(path + ": no such file or folder");
    if (!fs::is_directory(status)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (IsHidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && IsInputFile(it->path())) found.push_back(it->path().string());
    }
    if (ec) return IoError(path + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

Status DecodeToUtf8(std::string_view bytes, const std::string& source, RawDocument* doc) {
  if (bytes.size() >= 2 &&
      ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    const bool little = bytes[0] == '\xFF';
    const char* charset = little ? "UTF-16LE" : "UTF-16BE";
    doc->encoding = little ? "utf-16le" : "utf-16be";
    if (ConvertWithIcu(bytes.substr(2), charset, /*strict=*/true, &doc->text)) return Status::Ok();
    // Unpaired surrogates or an odd last byte: ICU substitutes U+FFFD; count them as replaced.
    if (!ConvertWithIcu(bytes.substr(2), charset, /*strict=*/false, &doc->text)) {
      return DataError(source + ": cannot decode UTF-16");
    }
    doc->replaced_bytes = CountReplacementCharacters(doc->text);
    doc->warnings.push_back(source + ": malformed UTF-16; " + std::to_string(doc->replaced_bytes) +
                            " code unit(s) replaced by U+FFFD");
    return Status::Ok();
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return DataError(source + ": binary data (NUL byte at offset " +
                     std::to_string(bytes.find('\0')) + "), not a text document");
  }
  size_t bom = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    bom = 3;
    doc->encoding = "utf-8 (BOM)";
  } else {
    doc->encoding = "utf-8";
  }
  const size_t invalid = utf8::FindInvalid(bytes);
  if (invalid == std::string_view::npos) {
    doc->text.assign(bytes);
    return Status::Ok();
  }
  // Old Korean posts are often CP949 (a superset of EUC-KR): take it when every byte decodes.
  if (ConvertWithIcu(bytes, "windows-949", true, &doc->text) && LooksLikeCp949Text(doc->text)) {
    doc->encoding = "cp949";
    return Status::Ok();
  }
  doc->text.clear();
  doc->text.reserve(bytes.size());
  for (size_t pos = 0; pos < bytes.size();) {
    const size_t next_invalid = utf8::FindInvalid(bytes.substr(pos));
    if (next_invalid == std::string_view::npos) {
      doc->text.append(bytes.substr(pos));
      break;
    }
    doc->text.append(bytes.substr(pos, next_invalid));
    utf8::Append(0xFFFD, &doc->text);
    ++doc->replaced_bytes;
    pos += next_invalid + 1;
  }
  doc->warnings.push_back(source + ": invalid UTF-8 at byte offset " +
                          std::to_string(invalid + bom) + "; " +
                          std::to_string(doc->replaced_bytes) + " byte(s) replaced by U+FFFD");
  return Status::Ok();
}

Status ReadInput(const std::string& path, const InputOptions& options,
                 const InputCallbacks& callbacks) {
  SAGEON_ASSIGN_OR_RETURN(std::string bytes, ReadAll(path));
  if (IsJsonLines(path, options.format)) {
    std::string_view content = bytes;
    if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
    ReadJsonLines(path, content, callbacks);
    return Status::Ok();
  }
  RawDocument doc;
  doc.id = path;
  doc.source = path;
  if (Status decoded = DecodeToUtf8(bytes, path, &doc); !decoded.ok()) {
    callbacks.on_problem(InputProblem{path, path, decoded.message(), /*failed=*/false});
    return Status::Ok();
  }
  callbacks.on_document(std::move(doc));
  return Status::Ok();
}

}  // namespace sageon
