#include "sageon/input/input_reader.h"

#include <poll.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/unistr.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

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

// How a file's bytes are read.
struct Charset {
  std::string label;           // as reported: "utf-8", "utf-8 (BOM)", "cp949", "utf-16le", ...
  std::string icu_name;        // the ICU converter; empty for UTF-8, which is decoded without ICU
  size_t bom = 0;              // leading bytes that are a byte order mark
  size_t unit = 1;             // bytes per code unit: JSON lines split only on unit boundaries
  std::string newline = "\n";  // '\n' as this charset writes it
  // UTF-8 whose every byte ChooseCharset found valid: its text is the bytes, with nothing to
  // check again line by line.
  bool checked_valid = false;
};

// ICU's windows-949 maps a lone 0x80 to U+0080 and a lone 0xFF to private use (U+F8F7) without
// calling the error callback. Neither byte is part of any CP949 character, and no CP949
// character decodes to those code points, so both are invalid input.
constexpr char kCp949Converter[] = "windows-949";
bool IsLoneCp949Byte(char16_t unit) { return unit == 0x0080 || unit == 0xF8F7; }

// What decoding some bytes gave.
struct Decoded {
  std::string text;          // valid UTF-8
  size_t replaced = 0;       // U+FFFD inserted for invalid input
  size_t first_invalid = 0;  // byte offset in the file of the first of them
};

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr OpenConverter(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) converter.reset();
  return converter;
}

// Where the ICU callback below counts: `begin` is the first byte handed to the converter and lies
// at byte `offset` of the file.
struct ReplacementCounter {
  const char* begin;
  size_t offset;
  Decoded* out;
};

// Replaces an invalid or unmappable sequence by one U+FFFD and records where it was.
void ReplaceAndCount(const void* context, UConverterToUnicodeArgs* args, const char* /*units*/,
                     int32_t length, UConverterCallbackReason reason, UErrorCode* error) {
  if (reason != UCNV_UNASSIGNED && reason != UCNV_ILLEGAL && reason != UCNV_IRREGULAR) return;
  const auto* counter = static_cast<const ReplacementCounter*>(context);
  // ICU has consumed the bad bytes when it calls back: they end where the source now is.
  const auto consumed = static_cast<size_t>(args->source - counter->begin);
  const auto bad = static_cast<size_t>(std::max(length, 0));
  if (counter->out->replaced++ == 0) {
    counter->out->first_invalid = counter->offset + (consumed >= bad ? consumed - bad : 0);
  }
  *error = U_ZERO_ERROR;
  const UChar replacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &replacement, 1, 0, error);
}

// Decodes one charset, reusing its ICU converter from call to call (one per JSON line).
class Decoder {
 public:
  static Result<Decoder> Open(const Charset& charset) {
    Decoder decoder;
    if (charset.icu_name.empty()) return decoder;
    decoder.converter_ = OpenConverter(charset.icu_name);
    if (!decoder.converter_)
      return Status(StatusCode::kInternal, "ICU cannot open " + charset.label);
    decoder.cp949_ = charset.icu_name == kCp949Converter;
    return decoder;
  }

  // Decodes `bytes`, which begin at byte `offset` of the file.
  Decoded Decode(std::string_view bytes, size_t offset) const {
    Decoded out;
    if (converter_) {
      DecodeWithIcu(bytes, offset, &out);
    } else {
      DecodeUtf8(bytes, offset, &out);
    }
    return out;
  }

 private:
  static void DecodeUtf8(std::string_view bytes, size_t offset, Decoded* out) {
    size_t invalid = utf8::FindInvalid(bytes);
    if (invalid == std::string_view::npos) {
      out->text.assign(bytes);
      return;
    }
    out->first_invalid = offset + invalid;
    out->text.reserve(bytes.size() + 2);
    for (size_t pos = 0;;) {
      out->text.append(bytes.substr(pos, invalid));
      utf8::Append(0xFFFD, &out->text);
      ++out->replaced;
      pos += invalid + 1;
      invalid = utf8::FindInvalid(bytes.substr(pos));
      if (invalid == std::string_view::npos) {
        out->text.append(bytes.substr(pos));
        return;
      }
    }
  }

  void DecodeWithIcu(std::string_view bytes, size_t offset, Decoded* out) const {
    UConverter* converter = converter_.get();
    ucnv_reset(converter);
    ReplacementCounter counter{bytes.data(), offset, out};
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(converter, ReplaceAndCount, &counter, nullptr, nullptr, &status);
    std::u16string units(bytes.size() + 16, u'\0');
    const char* source = bytes.data();
    UChar* target = units.data();
    for (;;) {
      status = U_ZERO_ERROR;
      ucnv_toUnicode(converter, &target, units.data() + units.size(), &source,
                     bytes.data() + bytes.size(), nullptr, /*flush=*/true, &status);
      if (status != U_BUFFER_OVERFLOW_ERROR) break;
      const auto used = static_cast<size_t>(target - units.data());
      units.resize(units.size() * 2);
      target = units.data() + used;
    }
    units.resize(static_cast<size_t>(target - units.data()));
    if (cp949_) {
      size_t lone = 0;
      for (char16_t& unit : units) {
        if (IsLoneCp949Byte(unit)) {
          unit = 0xFFFD;
          ++lone;
        }
      }
      if (lone > 0) {
        const size_t first = offset + bytes.find_first_of("\x80\xFF");
        out->first_invalid = out->replaced == 0 ? first : std::min(out->first_invalid, first);
        out->replaced += lone;
      }
    }
    // The callback leaves no unpaired surrogate, so UTF-16 to UTF-8 cannot fail.
    icu::UnicodeString(false, units.data(), static_cast<int32_t>(units.size()))
        .toUTF8String(out->text);
  }

  ConverterPtr converter_;
  bool cp949_ = false;
};

// Private use characters are CP949's user-defined area (C9 and FE leads), which real text does not
// use; bytes that decode to them are more likely some other encoding.
bool LooksLikeCp949Text(std::string_view decoded) {
  for (size_t pos = 0; pos < decoded.size();) {
    const char32_t c = utf8::Next(decoded, &pos);
    if (c >= 0xE000 && c <= 0xF8FF) return false;
  }
  return true;
}

std::string Lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// ICU names IBM's tables "cp949" (ibm-949, not Microsoft's code page at all) and "euc-kr"
// (ibm-970). Korean text so labelled is Microsoft's CP949 (Unified Hangul Code), a superset of
// EUC-KR with the same mapping where both have a character: read those labels as windows-949,
// as browsers do (WHATWG Encoding Standard, "EUC-KR").
std::string IcuConverterName(const std::string& name) {
  std::string key;
  for (const char c : Lowercase(name)) {
    if (c != '-' && c != '_' && c != ' ') key.push_back(c);
  }
  static constexpr std::string_view kMicrosoftKorean[] = {
      "cp949",   "ms949",   "uhc",         "windows949",  "xwindows949",   "euckr",
      "cseuckr", "ksc5601", "ksc56011987", "ksc56011989", "csksc56011987", "korean"};
  for (std::string_view label : kMicrosoftKorean) {
    if (key == label) return kCp949Converter;
  }
  return name;
}

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// The charset named by --encoding. A generic UTF-16 or UTF-32 is resolved to one byte order by
// the byte order mark (big-endian without one, as the Unicode standard says).
Result<Charset> NamedCharset(const std::string& name, std::string_view bytes) {
  ConverterPtr converter = name.empty() ? nullptr : OpenConverter(IcuConverterName(name));
  if (!converter) {
    return InvalidArgument("unknown encoding '" + name +
                           "' (any ICU converter name: cp949, euc-kr, utf-8, utf-16le, ...)");
  }
  Charset charset;
  charset.label = Lowercase(name);
  charset.icu_name = IcuConverterName(name);
  using namespace std::string_view_literals;
  auto take_bom = [&](std::string_view bom, const char* icu_name) {
    if (!StartsWith(bytes, bom)) return false;
    charset.bom = bom.size();
    charset.icu_name = icu_name;
    return true;
  };
  switch (ucnv_getType(converter.get())) {
    case UCNV_UTF8:
      charset.icu_name.clear();
      if (StartsWith(bytes, "\xEF\xBB\xBF")) charset.bom = 3;
      break;
    case UCNV_UTF16:
    case UCNV_UTF16_BigEndian:
    case UCNV_UTF16_LittleEndian: {
      const bool generic = ucnv_getType(converter.get()) == UCNV_UTF16;
      const bool little = ucnv_getType(converter.get()) == UCNV_UTF16_LittleEndian;
      if ((generic || little) && take_bom("\xFF\xFE"sv, "UTF-16LE")) break;
      if ((generic || !little) && take_bom("\xFE\xFF"sv, "UTF-16BE")) break;
      if (generic) charset.icu_name = "UTF-16BE";
      break;
    }
    case UCNV_UTF32:
    case UCNV_UTF32_BigEndian:
    case UCNV_UTF32_LittleEndian: {
      const bool generic = ucnv_getType(converter.get()) == UCNV_UTF32;
      const bool little = ucnv_getType(converter.get()) == UCNV_UTF32_LittleEndian;
      if ((generic || little) && take_bom("\xFF\xFE\0\0"sv, "UTF-32LE")) break;
      if ((generic || !little) && take_bom("\0\0\xFE\xFF"sv, "UTF-32BE")) break;
      if (generic) charset.icu_name = "UTF-32BE";
      break;
    }
    default:
      break;
  }
  if (!charset.icu_name.empty()) {
    converter = OpenConverter(charset.icu_name);
    if (!converter) return Status(StatusCode::kInternal, "ICU cannot open " + charset.icu_name);
    charset.unit = static_cast<size_t>(std::max<int8_t>(1, ucnv_getMinCharSize(converter.get())));
    char newline[8];
    UErrorCode status = U_ZERO_ERROR;
    const UChar line_feed = u'\n';
    const int32_t length =
        ucnv_fromUChars(converter.get(), newline, sizeof newline, &line_feed, 1, &status);
    if (U_SUCCESS(status) && length > 0) charset.newline.assign(newline, length);
  }
  return charset;
}

// The byte offset of the first code unit of `charset.unit` NUL bytes after the byte order mark,
// or npos. Text never holds U+0000; a file that does is binary data named .txt.
size_t FindNulUnit(std::string_view bytes, const Charset& charset) {
  if (charset.unit == 1) return bytes.find('\0', charset.bom);
  const std::string zero(charset.unit, '\0');
  for (size_t pos = charset.bom; pos + charset.unit <= bytes.size(); pos += charset.unit) {
    if (bytes.compare(pos, charset.unit, zero) == 0) return pos;
  }
  return std::string_view::npos;
}

Charset Utf16Charset(bool little_endian, size_t bom) {
  return Charset{little_endian ? "utf-16le" : "utf-16be", little_endian ? "UTF-16LE" : "UTF-16BE",
                 bom, 2, little_endian ? std::string("\n\0", 2) : std::string("\0\n", 2)};
}

// UTF-16 written without a byte order mark (some Windows and Python exports) has NUL bytes, so it
// would pass for binary. In text most of them are the high bytes of ASCII characters (spaces, line
// breaks, digits); the rest are low bytes of characters such as 가 (U+AC00). So the byte order
// with the most NUL high bytes is tried, and taken only when the units decode cleanly and read as
// text: a space or a line break, no control character but tab and line ends, no private use
// character. Binary data and UTF-8 with a stray NUL fail these.
std::optional<Charset> BomlessUtf16(std::string_view bytes) {
  if (bytes.size() % 2 != 0) return std::nullopt;
  size_t nul_at_even = 0, nul_at_odd = 0;
  for (size_t pos = bytes.find('\0'); pos != std::string_view::npos;
       pos = bytes.find('\0', pos + 1)) {
    ++(pos % 2 == 0 ? nul_at_even : nul_at_odd);
  }
  if (nul_at_even == nul_at_odd) return std::nullopt;  // none, or no telling the order
  const Charset charset = Utf16Charset(/*little_endian=*/nul_at_odd > nul_at_even, 0);
  Result<Decoder> decoder = Decoder::Open(charset);
  if (!decoder.ok()) return std::nullopt;
  const Decoded trial = decoder->Decode(bytes, 0);
  if (trial.replaced > 0) return std::nullopt;
  bool spaced = false;
  for (size_t pos = 0; pos < trial.text.size();) {
    const char32_t c = utf8::Next(trial.text, &pos);
    if (c == ' ' || c == '\n') spaced = true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0xE000 && c <= 0xF8FF)) {
      return std::nullopt;
    }
  }
  if (!spaced) return std::nullopt;
  return charset;
}

// How to read `bytes`: as `encoding` when one is named, else by a byte order mark, as UTF-8 when
// valid, as CP949 when every byte decodes cleanly, else as UTF-8 with replacements. Binary data
// is a DataError; an unknown `encoding` an InvalidArgument.
Result<Charset> ChooseCharset(std::string_view bytes, const std::string& source,
                              const std::string& encoding) {
  Charset charset;
  if (!encoding.empty()) {
    SAGEON_ASSIGN_OR_RETURN(charset, NamedCharset(encoding, bytes));
  } else if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    charset = Utf16Charset(/*little_endian=*/bytes[0] == '\xFF', 2);
  } else if (StartsWith(bytes, "\xEF\xBB\xBF")) {
    charset = Charset{"utf-8 (BOM)", "", 3};
  } else if (std::optional<Charset> utf16 = BomlessUtf16(bytes)) {
    charset = std::move(*utf16);
  } else {
    charset = Charset{"utf-8", ""};
  }
  if (const size_t nul = FindNulUnit(bytes, charset); nul != std::string_view::npos) {
    return DataError(source + ": binary data (NUL " + (charset.unit == 1 ? "byte" : "character") +
                     " at byte offset " + std::to_string(nul) + "), not a text document");
  }
  if (encoding.empty() && charset.label == "utf-8" &&
      utf8::FindInvalid(bytes) == std::string_view::npos) {
    charset.checked_valid = true;
  } else if (encoding.empty() && charset.label == "utf-8") {
    // Old Korean posts are often CP949 (a superset of EUC-KR): take it when every byte decodes.
    Charset cp949{"cp949", kCp949Converter};
    SAGEON_ASSIGN_OR_RETURN(Decoder decoder, Decoder::Open(cp949));
    const Decoded trial = decoder.Decode(bytes, 0);
    if (trial.replaced == 0 && LooksLikeCp949Text(trial.text)) return cp949;
  }
  return charset;
}

// "invalid UTF-8 at byte offset 98" and "5 byte(s)": where the first invalid input is, and how
// many replacements it all takes.
std::pair<std::string, std::string> DescribeInvalid(const Charset& charset,
                                                    const Decoded& decoded) {
  const bool utf8 = charset.icu_name.empty();
  return {"invalid " + (utf8 ? std::string("UTF-8") : charset.label) + " at byte offset " +
              std::to_string(decoded.first_invalid),
          std::to_string(decoded.replaced) + (utf8 ? " byte(s)" : " invalid sequence(s)")};
}

void NoteReplacements(const Charset& charset, const Decoded& decoded, const std::string& source,
                      RawDocument* doc) {
  doc->encoding = charset.label;
  doc->replaced_bytes = decoded.replaced;
  if (decoded.replaced > 0) {
    const auto [where, count] = DescribeInvalid(charset, decoded);
    doc->warnings.push_back(source + ": " + where + "; " + count + " replaced by U+FFFD");
  }
}

// Applies --on-invalid to a decoded document: true when it goes on to be processed, false when a
// problem was reported instead.
bool AcceptDecoded(const Charset& charset, const Decoded& decoded, const InputOptions& options,
                   const std::string& source, size_t line, const InputCallbacks& callbacks,
                   RawDocument* doc) {
  if (decoded.replaced == 0 || options.on_invalid == OnInvalid::kReplace) {
    NoteReplacements(charset, decoded, source, doc);
    return true;
  }
  const auto [where, count] = DescribeInvalid(charset, decoded);
  const bool fail = options.on_invalid == OnInvalid::kFail;
  callbacks.on_problem(InputProblem{
      source, source,
      where + " (" + count + (fail ? "; --on-invalid fail)" : "); skipped (--on-invalid skip)"),
      fail, line});
  return false;
}

bool IsJsonLines(const std::string& path, InputFormat format) {
  if (format != InputFormat::kAuto) return format == InputFormat::kJsonl;
  const std::string ext = Lowercase(fs::path(path).extension().string());
  return ext == ".jsonl" || ext == ".ndjson";
}

// One JSON object per line. Each line is decoded on its own, so a bad byte costs its line only,
// and every line with no document becomes a problem naming its line number.
void ReadJsonLine(const std::string& path, std::string_view raw_line, size_t line_offset,
                  size_t line_number, const Decoder& decoder, const Charset& charset,
                  const InputOptions& options, const InputCallbacks& callbacks) {
  do {
    const std::string source = path + ":" + std::to_string(line_number);
    Decoded decoded;
    std::string_view line = raw_line;
    if (!charset.checked_valid) {
      decoded = decoder.Decode(raw_line, line_offset);
      line = decoded.text;
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    RawDocument doc;
    doc.source = source;
    doc.line = line_number;
    if (!AcceptDecoded(charset, decoded, options, source, line_number, callbacks, &doc)) continue;
    auto fail = [&](std::string reason, std::string id = {}) {
      callbacks.on_problem(
          InputProblem{source, id.empty() ? source : id, std::move(reason), true, line_number});
    };
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      // e.byte counts from 1 and points just past the first byte that cannot be JSON.
      fail("not valid JSON (syntax error at byte " + std::to_string(e.byte) + " of the line)");
      continue;
    }
    if (!object.is_object()) {
      fail("not a JSON object");
      continue;
    }
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
  } while (false);  // `continue` above ends the line
}

void ReadJsonLines(const std::string& path, std::string_view bytes, const Charset& charset,
                   const Decoder& decoder, const InputOptions& options,
                   const InputCallbacks& callbacks) {
  size_t line_number = 0;
  for (size_t pos = charset.bom; pos < bytes.size();) {
    if (callbacks.stop && callbacks.stop()) return;
    size_t end = bytes.find(charset.newline, pos);
    while (end != std::string_view::npos && (end - charset.bom) % charset.unit != 0) {
      end = bytes.find(charset.newline, end + 1);
    }
    if (end == std::string_view::npos) end = bytes.size();
    const std::string_view raw_line = bytes.substr(pos, end - pos);
    const size_t line_offset = pos;
    pos = end + charset.newline.size();
    ++line_number;
    ReadJsonLine(path, raw_line, line_offset, line_number, decoder, charset, options, callbacks);
  }
}

// Standard input's lines as they come: a line is handed on once it is complete, and before
// blocking for more input `waiting` lets the caller finish what it holds, so a mapper fed slowly
// still answers each line at once.
class StdinLines {
 public:
  // The next line with its '\n' (the last may have none); false at the end of the input.
  bool Next(std::string* line, const std::function<void()>& waiting, Status* error) {
    std::istream& in = std::cin;  // through std::cin, which a caller may have redirected
    if (waiting && in.rdbuf()->in_avail() <= 0) {
      pollfd input{STDIN_FILENO, POLLIN, 0};
      if (::poll(&input, 1, 0) == 0) waiting();
    }
    if (!std::getline(in, *line)) {
      if (in.bad()) *error = IoError("-: read failed");
      return false;
    }
    if (!in.eof()) *line += '\n';
    return true;
  }
  // Everything not read yet.
  Status Rest(std::string* out) {
    std::string line;
    Status error;
    while (Next(&line, nullptr, &error)) *out += line;
    return error;
  }
};

Status ReadBytes(const std::string& path, std::string bytes, const InputOptions& options,
                 const InputCallbacks& callbacks);

// JSON lines on standard input, line by line. The encoding is the one named, or the one the
// first line shows; input in UTF-16 (a NUL byte in the first line) is read whole, as a file is.
Status ReadStdinJsonLines(const std::string& path, const InputOptions& options,
                          const InputCallbacks& callbacks) {
  StdinLines in;
  std::string line;
  Status error;
  if (!in.Next(&line, callbacks.waiting, &error)) return error;
  Result<Charset> charset = ChooseCharset(line, path, options.encoding);
  if (!charset.ok() || charset->unit != 1 || line.find('\0') != std::string::npos) {
    SAGEON_RETURN_IF_ERROR(in.Rest(&line));
    return ReadBytes(path, std::move(line), options, callbacks);
  }
  charset->checked_valid = false;  // only the first line was checked: every line is decoded
  SAGEON_ASSIGN_OR_RETURN(const Decoder decoder, Decoder::Open(*charset));
  size_t offset = 0;
  size_t line_number = 0;
  do {
    if (callbacks.stop && callbacks.stop()) return Status::Ok();
    std::string_view raw_line = line;
    const size_t skip = line_number == 0 ? charset->bom : 0;
    raw_line.remove_prefix(std::min(skip, raw_line.size()));
    if (!raw_line.empty() && raw_line.back() == '\n') raw_line.remove_suffix(1);
    ++line_number;
    ReadJsonLine(path, raw_line, offset + skip, line_number, decoder, *charset, options, callbacks);
    offset += line.size();
  } while (in.Next(&line, callbacks.waiting, &error));
  return error;
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

Status DecodeToUtf8(std::string_view bytes, const std::string& source, RawDocument* doc,
                    const std::string& encoding) {
  SAGEON_ASSIGN_OR_RETURN(const Charset charset, ChooseCharset(bytes, source, encoding));
  SAGEON_ASSIGN_OR_RETURN(const Decoder decoder, Decoder::Open(charset));
  Decoded decoded = decoder.Decode(bytes.substr(charset.bom), charset.bom);
  NoteReplacements(charset, decoded, source, doc);
  doc->text = std::move(decoded.text);
  return Status::Ok();
}

Status CheckEncodingName(const std::string& name) { return NamedCharset(name, {}).status(); }

Status ReadInput(const std::string& path, const InputOptions& options,
                 const InputCallbacks& callbacks) {
  if (path == "-" && IsJsonLines(path, options.format)) {
    return ReadStdinJsonLines(path, options, callbacks);
  }
  SAGEON_ASSIGN_OR_RETURN(std::string bytes, ReadAll(path));
  return ReadBytes(path, std::move(bytes), options, callbacks);
}

namespace {

Status ReadBytes(const std::string& path, std::string bytes, const InputOptions& options,
                 const InputCallbacks& callbacks) {
  Result<Charset> charset = ChooseCharset(bytes, path, options.encoding);
  if (!charset.ok()) {
    if (charset.status().code() != StatusCode::kDataError) return charset.status();
    callbacks.on_problem(InputProblem{path, path, charset.status().message(), /*failed=*/false});
    return Status::Ok();
  }
  SAGEON_ASSIGN_OR_RETURN(const Decoder decoder, Decoder::Open(*charset));
  if (IsJsonLines(path, options.format)) {
    ReadJsonLines(path, bytes, *charset, decoder, options, callbacks);
    return Status::Ok();
  }
  RawDocument doc;
  doc.id = path;
  doc.source = path;
  const std::string_view content = std::string_view(bytes).substr(charset->bom);
  if (charset->checked_valid ||
      (charset->icu_name.empty() && utf8::FindInvalid(content) == std::string_view::npos)) {
    // Valid UTF-8, the common case: the bytes are the text, with no copy.
    doc.encoding = charset->label;
    bytes.erase(0, charset->bom);
    doc.text = std::move(bytes);
  } else {
    Decoded decoded = decoder.Decode(content, charset->bom);
    if (!AcceptDecoded(*charset, decoded, options, path, 0, callbacks, &doc)) return Status::Ok();
    doc.text = std::move(decoded.text);
  }
  callbacks.on_document(std::move(doc));
  return Status::Ok();
}

}  // namespace

}  // namespace sageon
