// Input: files, folders (recursive, sorted), JSON lines and standard input, decoded to UTF-8.
// Every document and every problem is handed to the caller as it is read, so a run accounts for
// each input in its summary and holds no more than one file's bytes at a time.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/civil_time.h"
#include "sageon/base/status.h"

namespace sageon {

enum class InputFormat { kAuto, kText, kJsonl };

// What becomes of a document with bytes that are invalid in its encoding.
enum class OnInvalid {
  kReplace,  // each invalid byte (sequence) becomes U+FFFD, counted and reported in a warning
  kSkip,     // the document is skipped, the reason naming the first invalid byte
  kFail,     // the document fails (the run's exit code is 1), the reason naming the byte
};

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: .jsonl/.ndjson are JSON lines, the rest text
  // An ICU converter name or alias ("cp949", "euc-kr", "utf-16le", "shift_jis") read instead of
  // detecting the encoding; empty: detect. A byte order mark of the named encoding is dropped.
  std::string encoding;
  OnInvalid on_invalid = OnInvalid::kReplace;
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
  // How many U+FFFD stand for invalid input: one per byte for UTF-8, one per invalid sequence
  // for the encodings ICU decodes.
  size_t replaced_bytes = 0;
  size_t line = 0;  // the 1-based line of a JSON lines file; 0 for a whole file
  std::vector<std::string> warnings;
};

// An input that gives no document: a binary file, a malformed JSON line, an unreadable file.
struct InputProblem {
  std::string source;  // "file" or "file:line"
  std::string id;      // the document id when one could be read, else the source
  std::string reason;
  bool failed = true;  // false: skipped on purpose (binary file), true: an error in the data
  size_t line = 0;     // the 1-based line of a JSON lines file; 0 for a whole file
};

struct InputCallbacks {
  std::function<void(RawDocument&&)> on_document;
  std::function<void(InputProblem&&)> on_problem;
  // Polled between the lines of a JSON lines file when set: true ends the reading there.
  std::function<bool()> stop;
  // JSON lines on standard input are read line by line as they come; this is called before a
  // read that would wait for more input, so the caller can finish the documents it holds.
  std::function<void()> waiting;
};

// The files named by `paths`: a file as given, a folder's *.txt / *.jsonl / *.ndjson files
// recursively in sorted order (hidden files skipped), "-" for standard input. An error names the
// first path that does not exist.
Result<std::vector<std::string>> ExpandInputPaths(const std::vector<std::string>& paths);

// Reads one path ("-" = stdin; JSON lines there are handed on line by line) and reports its
// documents and problems through `callbacks`. Returns an error only when the file cannot be read at
// all (then nothing was reported).
Status ReadInput(const std::string& path, const InputOptions& options,
                 const InputCallbacks& callbacks);

// Decodes raw bytes to UTF-8. Without `encoding`: a UTF-8 or UTF-16 byte order mark, UTF-16
// without one when its NUL bytes and text say so, valid UTF-8, else CP949 when the bytes decode
// cleanly as CP949, else UTF-8. Invalid bytes are replaced
// by U+FFFD (counted, and the first one's byte offset named in a warning). Fails for binary data
// (a NUL byte, or a NUL code unit in UTF-16) and for an `encoding` ICU does not know.
Status DecodeToUtf8(std::string_view bytes, const std::string& source, RawDocument* doc,
                    const std::string& encoding = {});

// An error naming `name` when it names no encoding ICU can read (see InputOptions::encoding).
Status CheckEncodingName(const std::string& name);

}  // namespace sageon
