// Input: files, folders (recursive, sorted), JSON lines and standard input, decoded to UTF-8.
// Every document and every problem is handed to the caller as it is read, so a run accounts for
// each input in its summary and holds no more than one file's bytes at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sageon/base/civil_time.h"
#include "sageon/base/status.h"

namespace sageon {

enum class InputFormat { kAuto, kText, kJsonl };

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: .jsonl/.ndjson are JSON lines, the rest text
};

// One document as read, before any stage runs.
struct RawDocument {
  std::string id;      // JSON "id", or the path as given for a text file ("-" for stdin)
  std::string source;  // where it came from, for messages: "a.txt" or "news.jsonl:12"
  std::string text;    // valid UTF-8
  std::string title;
  std::string url;
  std::optional<DateTime> date;  // the JSON "date", the document's creation time
  // What decoding did: "utf-8", "utf-8 (BOM)", "utf-16le", "cp949", ...
  std::string encoding;
  size_t replaced_bytes = 0;  // invalid bytes replaced by U+FFFD
  std::vector<std::string> warnings;
};

// An input that gives no document: a binary file, a malformed JSON line, an unreadable file.
struct InputProblem {
  std::string source;  // "file" or "file:line"
  std::string id;      // the document id when one could be read, else the source
  std::string reason;
  bool failed = true;  // false: skipped on purpose (binary file), true: an error in the data
};

struct InputCallbacks {
  std::function<void(RawDocument&&)> on_document;
  std::function<void(InputProblem&&)> on_problem;
};

// The files named by `paths`: a file as given, a folder's *.txt / *.jsonl / *.ndjson files
// recursively in sorted order (hidden files skipped), "-" for standard input. An error names the
// first path that does not exist.
Result<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& paths);

// Reads one path ("-" = stdin) and reports its documents and problems through `callbacks`.
// Returns an error only when the file cannot be read at all (then nothing was reported).
Status ReadInput(const std::string& path, const InputOptions& options,
                 const InputCallbacks& callbacks);

// Decodes raw bytes to UTF-8: a UTF-8 or UTF-16 byte order mark, valid UTF-8, else CP949 when the
// bytes decode cleanly as CP949, else UTF-8 with invalid bytes replaced by U+FFFD (counted, and
// the first offset named in a warning). Fails for binary data (NUL bytes outside UTF-16).
Status DecodeToUtf8(std::string_view bytes, const std::string& source, RawDocument* doc);

}  // namespace sageon
