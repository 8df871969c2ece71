// Tests of the input stage: which files a run reads, how their bytes become UTF-8 text, and how
// JSON lines become documents or problems. Every file is written into a fresh temp folder.
#include "sageon/input/input_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/utf8.h"
#include "unit/test_util.h"

namespace sageon {
namespace {

namespace fs = std::filesystem;

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

using ::sageon::testing::TempDir;

// What one ReadInput call reported, in order.
struct Collected {
  Status status;
  std::vector<RawDocument> documents;
  std::vector<InputProblem> problems;
};

Collected Read(const std::string& path, InputOptions options) {
  Collected out;
  InputCallbacks callbacks;
  callbacks.on_document = [&](RawDocument&& doc) { out.documents.push_back(std::move(doc)); };
  callbacks.on_problem = [&](InputProblem&& p) { out.problems.push_back(std::move(p)); };
  out.status = ReadInput(path, options, callbacks);
  return out;
}

Collected Read(const std::string& path, InputFormat format = InputFormat::kAuto) {
  InputOptions options;
  options.format = format;
  return Read(path, options);
}

Collected ReadWithEncoding(const std::string& path, const std::string& encoding) {
  InputOptions options;
  options.encoding = encoding;
  return Read(path, options);
}

// UTF-16 bytes of `text`, with its byte order mark.
std::string Utf16WithBom(std::u16string_view text, bool little_endian) {
  std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (char16_t unit : text) {
    const char hi = static_cast<char>(unit >> 8);
    const char lo = static_cast<char>(unit & 0xFF);
    out.push_back(little_endian ? lo : hi);
    out.push_back(little_endian ? hi : lo);
  }
  return out;
}

// ================================================================ ExpandInputPaths

TEST(ExpandInputPathsTest, FolderIsRecursiveSortedAndFiltered) {
  TempDir dir;
  dir.Write("b.txt", "나");
  dir.Write("a.jsonl", "{}\n");
  dir.Write("sub/c.ndjson", "{}\n");
  dir.Write("sub/deeper/d.txt", "라");
  dir.Write("sub/notes.md", "# 메모");
  dir.Write("image.png", "\x89PNG");
  dir.Write("no_extension", "x");
  dir.Write("txt", "x");
  dir.Write(".hidden.txt", "숨김");
  dir.Write(".git/e.txt", "숨김");
  dir.Write("sub/.cache/f.jsonl", "{}\n");
  dir.Write("한글 폴더/기사.txt", "기사");

  Result<std::vector<std::string>> files = ExpandInputPaths({dir.path().string()});
  ASSERT_TRUE(files.ok()) << files.status().message();
  const std::vector<std::string> expected = {
      dir.Path("a.jsonl"),
      dir.Path("b.txt"),
      dir.Path("sub/c.ndjson"),
      dir.Path("sub/deeper/d.txt"),
      dir.Path("한글 폴더/기사.txt"),
  };
  EXPECT_EQ(*files, expected);
}

TEST(ExpandInputPathsTest, ArgumentsKeepTheirOrderAndFilesPassAsGiven) {
  TempDir dir;
  dir.Write("folder/z.txt", "z");
  dir.Write("folder/y.txt", "y");
  const std::string markdown = dir.Write("notes.md", "explicitly named, so read");
  const std::string hidden = dir.Write(".hidden.txt", "explicitly named");
  Result<std::vector<std::string>> files =
      ExpandInputPaths({markdown, dir.Path("folder"), "-", hidden});
  ASSERT_TRUE(files.ok()) << files.status().message();
  const std::vector<std::string> expected = {markdown, dir.Path("folder/y.txt"),
                                             dir.Path("folder/z.txt"), "-", hidden};
  EXPECT_EQ(*files, expected);
}

TEST(ExpandInputPathsTest, StdinAndEmptyInputs) {
  struct Case {
    std::vector<std::string> paths;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {{"-"}, {"-"}},
      {{"-", "-"}, {"-", "-"}},
      {{}, {}},
  };
  for (const Case& c : cases) {
    Result<std::vector<std::string>> files = ExpandInputPaths(c.paths);
    ASSERT_TRUE(files.ok()) << files.status().message();
    EXPECT_EQ(*files, c.expected);
  }
  TempDir empty;
  Result<std::vector<std::string>> none = ExpandInputPaths({empty.path().string()});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(ExpandInputPathsTest, MissingPathIsAnErrorNamingIt) {
  TempDir dir;
  const std::string good = dir.Write("good.txt", "좋은 글");
  const std::string missing = dir.Path("없는 글.txt");
  const std::vector<std::vector<std::string>> cases = {
      {missing},
      {good, missing},
      {"-", missing, good},
  };
  for (const auto& paths : cases) {
    Result<std::vector<std::string>> files = ExpandInputPaths(paths);
    ASSERT_FALSE(files.ok());
    EXPECT_EQ(files.status().code(), StatusCode::kNotFound);
    EXPECT_TRUE(Contains(files.status().message(), missing)) << files.status().message();
  }
}

// ================================================================ text files

TEST(ReadInputTest, PlainUtf8) {
  TempDir dir;
  const std::string text = "2023년 11월 17일, 오픈AI 이사회는 샘 알트먼을 해임했다.\n😀 끝.\n";
  const std::string path = dir.Write("post.txt", text);
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok()) << got.status.message();
  EXPECT_TRUE(got.problems.empty());
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.text, text);
  EXPECT_EQ(doc.id, path);
  EXPECT_EQ(doc.source, path);
  EXPECT_EQ(doc.encoding, "utf-8");
  EXPECT_EQ(doc.replaced_bytes, 0u);
  EXPECT_TRUE(doc.warnings.empty());
  EXPECT_FALSE(doc.date.has_value());
  EXPECT_TRUE(doc.title.empty());
}

struct DecodeCase {
  std::string name;
  std::string bytes;
  std::string text;
  std::string encoding;
};

std::vector<DecodeCase> DecodeCases() {
  const std::u16string korean = u"안녕하세요, 서울!\r\n샘 알트먼 😀";
  const std::string korean_utf8 = "안녕하세요, 서울!\r\n샘 알트먼 😀";
  return {
      {"utf8_bom", "\xEF\xBB\xBF안녕하세요\n", "안녕하세요\n", "utf-8 (BOM)"},
      {"utf8_bom_only", "\xEF\xBB\xBF", "", "utf-8 (BOM)"},
      {"utf16le", Utf16WithBom(korean, true), korean_utf8, "utf-16le"},
      {"utf16be", Utf16WithBom(korean, false), korean_utf8, "utf-16be"},
      {"utf16le_bom_only", "\xFF\xFE", "", "utf-16le"},
      // Without a byte order mark: the NUL high bytes of the ASCII characters tell the order.
      {"utf16le_without_bom", Utf16WithBom(korean, true).substr(2), korean_utf8, "utf-16le"},
      {"utf16be_without_bom", Utf16WithBom(korean, false).substr(2), korean_utf8, "utf-16be"},
      // EUC-KR bytes of 안녕하세요 (BE C8 = 안).
      {"cp949", "\xBE\xC8\xB3\xE7\xC7\xCF\xBC\xBC\xBF\xE4", "안녕하세요", "cp949"},
      {"cp949_with_ascii_and_lines", "2023\xB3\xE2 \xBC\xAD\xBF\xEF\r\nOK \xBE\xC8\xB3\xE7\n",
       "2023년 서울\r\nOK 안녕\n", "cp949"},
      // 똠 (8C 63) is in CP949's extension, not in EUC-KR.
      {"cp949_extension", "\x8C\x63\xBE\xE7", "똠양", "cp949"},
      {"empty", "", "", "utf-8"},
  };
}

class DecodeTest : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(DecodeTest, ReadsFileAsUtf8) {
  const DecodeCase& c = GetParam();
  TempDir dir;
  const std::string path = dir.Write(c.name + ".txt", c.bytes);
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok()) << got.status.message();
  ASSERT_TRUE(got.problems.empty()) << got.problems[0].reason;
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.text, c.text);
  EXPECT_EQ(doc.encoding, c.encoding);
  EXPECT_EQ(doc.replaced_bytes, 0u);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0];
  EXPECT_EQ(doc.id, path);
  EXPECT_EQ(utf8::FindInvalid(doc.text), std::string_view::npos);
}

TEST_P(DecodeTest, DecodeToUtf8AgreesWithReadInput) {
  const DecodeCase& c = GetParam();
  RawDocument doc;
  ASSERT_TRUE(DecodeToUtf8(c.bytes, "memory", &doc).ok());
  EXPECT_EQ(doc.text, c.text);
  EXPECT_EQ(doc.encoding, c.encoding);
}

INSTANTIATE_TEST_SUITE_P(Cases, DecodeTest, ::testing::ValuesIn(DecodeCases()),
                         [](const auto& p) { return p.param.name; });

TEST(ReadInputTest, InvalidBytesAreReplacedCountedAndReported) {
  struct Case {
    std::string name;
    std::string bytes;  // invalid as UTF-8 and as CP949
    std::string text;
    size_t replaced;
    std::string offset;  // as the warning names it
  };
  const Case cases[] = {
      // FE followed by a space is no CP949 pair; a lead byte at the very end is cut.
      {"fe_and_cut_lead", "abc\xFE def\xC9", "abc\uFFFD def\uFFFD", 2, "byte offset 3"},
      {"korean_then_ff", "안녕\xFF", "안녕\uFFFD", 1, "byte offset 6"},
      {"lone_leads_then_korean", "\xFE \xFE 가나", "\uFFFD \uFFFD 가나", 2, "byte offset 0"},
      // A UTF-8 file cut in the middle of 요 (EC 9A 94), after a stray FF.
      {"truncated_utf8", "\xFF 안녕하세\xEC\x9A", "\uFFFD 안녕하세\uFFFD\uFFFD", 3,
       "byte offset 0"},
      {"overlong_and_surrogate", "기사 \xC0\xAF \xED\xA0\x80",
       "기사 \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD", 5, "byte offset 7"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path = dir.Write(c.name + ".txt", c.bytes);
    const Collected got = Read(path);
    ASSERT_TRUE(got.status.ok());
    ASSERT_TRUE(got.problems.empty());
    ASSERT_EQ(got.documents.size(), 1u);
    const RawDocument& doc = got.documents[0];
    EXPECT_EQ(doc.text, c.text);
    EXPECT_EQ(doc.replaced_bytes, c.replaced);
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(utf8::FindInvalid(doc.text), std::string_view::npos);
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_TRUE(Contains(doc.warnings[0], path)) << doc.warnings[0];
    EXPECT_TRUE(Contains(doc.warnings[0], c.offset)) << doc.warnings[0];
    EXPECT_TRUE(Contains(doc.warnings[0], std::to_string(c.replaced) + " byte(s)"))
        << doc.warnings[0];
  }
}

// The offset in the warning is where a user finds the byte in the file (a hex editor, `cmp`), so
// it counts the UTF-8 byte order mark that the text drops.
TEST(ReadInputTest, InvalidByteOffsetCountsTheByteOrderMark) {
  TempDir dir;
  const std::string path = dir.Write("bom.txt",
                                     "\xEF\xBB\xBF"
                                     "ab\xFE ");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.text, "ab\uFFFD ");
  EXPECT_EQ(doc.replaced_bytes, 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_TRUE(Contains(doc.warnings[0], "byte offset 5")) << doc.warnings[0];
}

// 0x80 and 0xFF are not CP949 (no character starts with them), yet ICU's windows-949 table maps
// them alone to U+0080 and U+F8F7 (private use). A UTF-8 post with such a stray byte must be
// repaired and reported, not silently relabelled CP949 with an invisible character in it.
TEST(ReadInputTest, LoneBytes80AndFFAreNotTakenAsCp949) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string text;
    size_t replaced;
  };
  const Case cases[] = {
      {"ff_at_end", "Seoul\xFF", "Seoul\uFFFD", 1},
      {"80_in_ascii",
       "a\x80"
       "b",
       "a\uFFFD"
       "b",
       1},
      {"ff_and_80",
       "abc\xFF"
       "def\x80ghi",
       "abc\uFFFDdef\uFFFDghi", 2},
      // UTF-8 가 ends in 0x80: ICU reads FF FF FF EA B0 80 as three U+F8F7, 媛 and U+0080.
      {"ff_then_utf8_korean", "\xFF\xFF\xFF가", "\uFFFD\uFFFD\uFFFD가", 3},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const Collected got = Read(dir.Write(c.name + ".txt", c.bytes));
    ASSERT_EQ(got.documents.size(), 1u);
    const RawDocument& doc = got.documents[0];
    EXPECT_EQ(doc.text, c.text);
    EXPECT_EQ(doc.encoding, "utf-8");
    EXPECT_EQ(doc.replaced_bytes, c.replaced);
    EXPECT_EQ(doc.warnings.size(), 1u);
  }
}

// ICU turns an unpaired surrogate into U+FFFD; the document must say so like any other repair.
TEST(ReadInputTest, Utf16UnpairedSurrogateIsCountedAsReplaced) {
  TempDir dir;
  const std::u16string text = {u'가', 0xD800, u'나'};
  const std::string path = dir.Write("lone.txt", Utf16WithBom(text, true));
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.text, "가\uFFFD나");
  EXPECT_EQ(doc.encoding, "utf-16le");
  EXPECT_EQ(doc.replaced_bytes, 1u);
  ASSERT_EQ(doc.warnings.size(), 1u);
  // The byte order mark (2 bytes) and 가 (2 bytes) come before the surrogate.
  EXPECT_TRUE(Contains(doc.warnings[0], "byte offset 4")) << doc.warnings[0];
}

// A U+FFFD written in the file is text like any other, not a repair to count.
TEST(ReadInputTest, ReplacementCharacterInTheFileIsNotCounted) {
  TempDir dir;
  const Collected got = Read(dir.Write("fffd.txt", Utf16WithBom(u"가\uFFFD나", false)));
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "가\uFFFD나");
  EXPECT_EQ(got.documents[0].replaced_bytes, 0u);
  EXPECT_TRUE(got.documents[0].warnings.empty());
}

TEST(ReadInputTest, Utf16OddByteCountStillGivesValidUtf8) {
  TempDir dir;
  std::string bytes = Utf16WithBom(u"서울", false);
  bytes.push_back('\xAC');  // half a code unit
  const std::string path = dir.Write("odd.txt", bytes);
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.text.substr(0, 6), "서울");
  EXPECT_EQ(utf8::FindInvalid(doc.text), std::string_view::npos);
}

TEST(ReadInputTest, BinaryFileIsSkippedNotFailed) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string offset;
  };
  const Case cases[] = {
      {"png.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\x0DIHDR", 16), "offset 8"},
      {"nul_in_text.txt", std::string("안녕\0하세요", 16), "offset 6"},
      // NUL bytes in one byte order only, but no space, line break or other sign of text.
      {"utf16_lookalike.txt", std::string("\x01\0\x02\0\x41\0\x42\0", 8), "offset 1"},
      // U+0000 in UTF-16: the offset counts the byte order mark.
      {"utf16_nul.txt", Utf16WithBom(std::u16string(u"가\0나", 3), true), "offset 4"},
      {"leading_nul.txt", std::string("\0abc", 4), "offset 0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path = dir.Write(c.name, c.bytes);
    const Collected got = Read(path);
    ASSERT_TRUE(got.status.ok()) << got.status.message();
    EXPECT_TRUE(got.documents.empty());
    ASSERT_EQ(got.problems.size(), 1u);
    const InputProblem& problem = got.problems[0];
    EXPECT_FALSE(problem.failed);
    EXPECT_EQ(problem.source, path);
    EXPECT_EQ(problem.id, path);
    EXPECT_TRUE(Contains(problem.reason, "NUL")) << problem.reason;
    EXPECT_TRUE(Contains(problem.reason, c.offset)) << problem.reason;
  }
}

TEST(ReadInputTest, UnreadableFileIsAnErrorAndReportsNothing) {
  TempDir dir;
  const std::string missing = dir.Path("없음.txt");
  const Collected got = Read(missing);
  EXPECT_FALSE(got.status.ok());
  EXPECT_TRUE(Contains(got.status.message(), missing)) << got.status.message();
  EXPECT_TRUE(got.documents.empty());
  EXPECT_TRUE(got.problems.empty());
}

// "-" reads standard input: a text document whose id is "-", or JSON lines with --input-format.
TEST(ReadInputTest, DashReadsStandardInput) {
  struct Case {
    std::string input;
    InputFormat format;
    std::vector<std::string> ids;
    std::vector<std::string> sources;
    std::string first_text;
  };
  const Case cases[] = {
      {"표준 입력의 글.\n", InputFormat::kAuto, {"-"}, {"-"}, "표준 입력의 글.\n"},
      {"\xEF\xBB\xBF파이프\n", InputFormat::kText, {"-"}, {"-"}, "파이프\n"},
      {"{\"id\":\"s1\",\"text\":\"하나\"}\n{\"text\":\"둘\"}\n",
       InputFormat::kJsonl,
       {"s1", "-:2"},
       {"-:1", "-:2"},
       "하나"},
  };
  for (const Case& c : cases) {
    std::istringstream fake_stdin(c.input);
    std::streambuf* const saved = std::cin.rdbuf(fake_stdin.rdbuf());
    const Collected got = Read("-", c.format);
    std::cin.rdbuf(saved);
    ASSERT_TRUE(got.status.ok()) << got.status.message();
    EXPECT_TRUE(got.problems.empty());
    ASSERT_EQ(got.documents.size(), c.ids.size());
    for (size_t i = 0; i < c.ids.size(); ++i) {
      EXPECT_EQ(got.documents[i].id, c.ids[i]);
      EXPECT_EQ(got.documents[i].source, c.sources[i]);
    }
    EXPECT_EQ(got.documents[0].text, c.first_text);
  }
}

// Standard input's encoding is chosen from its first line: a bad byte in a later line is still
// replaced, and counted.
TEST(ReadInputTest, StandardInputChecksEveryJsonLine) {
  std::istringstream fake_stdin(
      "{\"id\":\"a\",\"text\":\"하나\"}\n{\"id\":\"b\",\"text\":\"둘\xFF셋\"}\n");
  std::streambuf* const saved = std::cin.rdbuf(fake_stdin.rdbuf());
  const Collected got = Read("-", InputFormat::kJsonl);
  std::cin.rdbuf(saved);
  ASSERT_TRUE(got.status.ok()) << got.status.message();
  ASSERT_EQ(got.documents.size(), 2u);
  EXPECT_EQ(got.documents[0].text, "하나");
  EXPECT_EQ(got.documents[1].text, "둘\uFFFD셋");
  EXPECT_EQ(got.documents[1].replaced_bytes, 1u);
}

// ================================================================ --encoding

struct EncodingCase {
  std::string name;
  std::string bytes;
  std::string encoding;  // as a user types it
  std::string text;
};

std::vector<EncodingCase> EncodingCases() {
  const std::u16string korean = u"서울 2024년\n끝";
  const std::string korean_utf8 = "서울 2024년\n끝";
  std::string utf16le_no_bom = Utf16WithBom(korean, true).substr(2);
  std::string utf16be_no_bom = Utf16WithBom(korean, false).substr(2);
  return {
      // ICU's own "cp949" is IBM's table, which lacks 똠 (8C 63): the label must mean Microsoft's.
      {"cp949", "\x8C\x63\xBE\xE7 \xBC\xAD\xBF\xEF", "cp949", "똠양 서울"},
      {"cp949_upper", "\xBC\xAD\xBF\xEF", "CP949", "서울"},
      // Browsers read EUC-KR as CP949, so the extension's 똠 decodes under that label too.
      {"euc_kr", "\x8C\x63\xBC\xAD\xBF\xEF", "euc-kr", "똠서울"},
      {"euc_kr_underscore", "\xBC\xAD\xBF\xEF", "EUC_KR", "서울"},
      {"utf16le_without_bom", utf16le_no_bom, "utf-16le", korean_utf8},
      {"utf16le_with_bom", Utf16WithBom(korean, true), "UTF-16LE", korean_utf8},
      {"utf16be_without_bom", utf16be_no_bom, "utf-16be", korean_utf8},
      {"utf16_generic_reads_the_bom", Utf16WithBom(korean, true), "utf-16", korean_utf8},
      {"utf16_generic_without_bom_is_big_endian", utf16be_no_bom, "utf-16", korean_utf8},
      {"utf8_bom_dropped", "\xEF\xBB\xBF서울", "utf-8", "서울"},
      {"utf8_alias", "서울", "utf8", "서울"},
      // Detection would take these bytes for CP949 (C0 DA is 자); the option says otherwise.
      {"latin1", "caf\xE9 \xC0\xDA", "latin1", "café ÀÚ"},
  };
}

class EncodingOptionTest : public ::testing::TestWithParam<EncodingCase> {};

TEST_P(EncodingOptionTest, ReadsTheNamedEncoding) {
  const EncodingCase& c = GetParam();
  TempDir dir;
  const Collected got = ReadWithEncoding(dir.Write(c.name + ".txt", c.bytes), c.encoding);
  ASSERT_TRUE(got.status.ok()) << got.status.message();
  ASSERT_TRUE(got.problems.empty()) << got.problems[0].reason;
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.text, c.text);
  EXPECT_EQ(doc.replaced_bytes, 0u);
  EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0];
  // summary.json reports the name as given, in lower case.
  std::string label = c.encoding;
  for (char& ch : label) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(doc.encoding, label);
  RawDocument decoded;
  ASSERT_TRUE(DecodeToUtf8(c.bytes, "memory", &decoded, c.encoding).ok());
  EXPECT_EQ(decoded.text, c.text);
}

INSTANTIATE_TEST_SUITE_P(Cases, EncodingOptionTest, ::testing::ValuesIn(EncodingCases()),
                         [](const auto& p) { return p.param.name; });

TEST(EncodingOptionTest, UnknownNameIsAnErrorNamingIt) {
  EXPECT_TRUE(CheckEncodingName("cp949").ok());
  EXPECT_TRUE(CheckEncodingName("UTF-16LE").ok());
  for (const std::string name : {"no-such-charset", "", "utf-99"}) {
    SCOPED_TRACE(name);
    const Status status = CheckEncodingName(name);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(Contains(status.message(), "'" + name + "'")) << status.message();
    if (name.empty()) continue;  // in InputOptions, no name means: detect
    TempDir dir;
    const Collected got = ReadWithEncoding(dir.Write("a.txt", "abc"), name);
    EXPECT_FALSE(got.status.ok());
    EXPECT_TRUE(got.documents.empty());
    EXPECT_TRUE(got.problems.empty());
  }
}

// The offset in a message is where the bad bytes are in the file, whatever the encoding.
TEST(EncodingOptionTest, InvalidBytesAreReplacedWithTheirOffset) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string encoding;
    std::string text;
    size_t replaced;
    std::string offset;
  };
  const Case cases[] = {
      // BC AD = 서, then FF (no CP949 byte) and a lead byte C0 cut by a space.
      {"cp949", "\xBC\xAD\xFF\xC0 \xBF\xEF", "cp949", "서\uFFFD\uFFFD 울", 2, "byte offset 2"},
      {"cp949_lone_80", "\xBC\xAD \x80", "euc-kr", "서 \uFFFD", 1, "byte offset 3"},
      {"utf16le", std::string("\x00\xAC\x00\xD8\x98\xB0", 6), "utf-16le", "가\uFFFD나", 1,
       "byte offset 2"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const Collected got = ReadWithEncoding(dir.Write(c.name + ".txt", c.bytes), c.encoding);
    ASSERT_EQ(got.documents.size(), 1u);
    EXPECT_EQ(got.documents[0].text, c.text);
    EXPECT_EQ(got.documents[0].replaced_bytes, c.replaced);
    ASSERT_EQ(got.documents[0].warnings.size(), 1u);
    EXPECT_TRUE(Contains(got.documents[0].warnings[0], c.offset)) << got.documents[0].warnings[0];
  }
}

// ================================================================ --on-invalid

TEST(OnInvalidTest, ReplaceSkipOrFailATextFile) {
  TempDir dir;
  const std::string path = dir.Write("broken.txt", "기사 \xFF 본문");
  for (const OnInvalid policy : {OnInvalid::kReplace, OnInvalid::kSkip, OnInvalid::kFail}) {
    SCOPED_TRACE(static_cast<int>(policy));
    InputOptions options;
    options.on_invalid = policy;
    const Collected got = Read(path, options);
    ASSERT_TRUE(got.status.ok());
    if (policy == OnInvalid::kReplace) {
      ASSERT_EQ(got.documents.size(), 1u);
      EXPECT_TRUE(got.problems.empty());
      EXPECT_EQ(got.documents[0].text, "기사 \uFFFD 본문");
      EXPECT_EQ(got.documents[0].replaced_bytes, 1u);
      continue;
    }
    EXPECT_TRUE(got.documents.empty());
    ASSERT_EQ(got.problems.size(), 1u);
    const InputProblem& problem = got.problems[0];
    EXPECT_EQ(problem.source, path);
    EXPECT_EQ(problem.failed, policy == OnInvalid::kFail);
    EXPECT_TRUE(Contains(problem.reason, "invalid UTF-8 at byte offset 7")) << problem.reason;
    EXPECT_TRUE(Contains(problem.reason, policy == OnInvalid::kFail ? "fail" : "skip"))
        << problem.reason;
  }
}

TEST(OnInvalidTest, ValidFilesAreNotAffected) {
  TempDir dir;
  InputOptions options;
  options.on_invalid = OnInvalid::kFail;
  const Collected got = Read(dir.Write("cp949.txt", "\xBC\xAD\xBF\xEF"), options);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].text, "서울");
  EXPECT_TRUE(got.problems.empty());
}

// In JSON lines the policy applies line by line, and the offset is the byte in the file.
TEST(OnInvalidTest, JsonLinesLoseOnlyTheBadLine) {
  TempDir dir;
  const std::string first = "{\"id\":\"a\",\"text\":\"첫째\"}\n";
  const std::string path = dir.Write(
      "news.jsonl", first + "{\"id\":\"b\",\"text\":\"둘\xFF\"}\n{\"id\":\"c\",\"text\":\"셋\"}\n");
  const size_t bad_offset = first.size() + 21;  // after {"id":"b","text":"둘
  for (const OnInvalid policy : {OnInvalid::kReplace, OnInvalid::kSkip, OnInvalid::kFail}) {
    SCOPED_TRACE(static_cast<int>(policy));
    InputOptions options;
    options.on_invalid = policy;
    const Collected got = Read(path, options);
    ASSERT_TRUE(got.status.ok());
    const std::string offset = "byte offset " + std::to_string(bad_offset);
    if (policy == OnInvalid::kReplace) {
      ASSERT_EQ(got.documents.size(), 3u);
      EXPECT_EQ(got.documents[1].text, "둘\uFFFD");
      EXPECT_EQ(got.documents[1].line, 2u);
      ASSERT_EQ(got.documents[1].warnings.size(), 1u);
      EXPECT_TRUE(Contains(got.documents[1].warnings[0], path + ":2"))
          << got.documents[1].warnings[0];
      EXPECT_TRUE(Contains(got.documents[1].warnings[0], offset)) << got.documents[1].warnings[0];
      continue;
    }
    ASSERT_EQ(got.documents.size(), 2u);
    EXPECT_EQ(got.documents[0].id, "a");
    EXPECT_EQ(got.documents[1].id, "c");
    EXPECT_EQ(got.documents[1].line, 3u);
    ASSERT_EQ(got.problems.size(), 1u);
    EXPECT_EQ(got.problems[0].source, path + ":2");
    EXPECT_EQ(got.problems[0].line, 2u);
    EXPECT_EQ(got.problems[0].failed, policy == OnInvalid::kFail);
    EXPECT_TRUE(Contains(got.problems[0].reason, offset)) << got.problems[0].reason;
  }
}

// ================================================================ JSON lines

struct JsonLineCase {
  std::string name;
  std::string line;
  // A document is expected when `problem` is empty.
  std::string id;
  std::string text;
  std::string title;
  std::string url;
  std::optional<DateTime> date;
  std::string warning;  // a substring of the document's only warning, or "" for none
  std::string problem;  // a substring of the problem's reason
};

std::vector<JsonLineCase> JsonLineCases() {
  return {
      {"full",
       R"({"id":"a1","text":"샘 알트먼이 해임되었다.","title":"오픈AI 이사회","url":"https://example.com/1","date":"2023-11-17T09:30:00"})",
       "a1", "샘 알트먼이 해임되었다.", "오픈AI 이사회", "https://example.com/1",
       DateTime{2023, 11, 17, 9, 30, 0}, "", ""},
      {"date_with_offset", R"({"id":"b","text":"본문","date":"2013-02-12T04:30:00.000-02:00"})",
       "b", "본문", "", "", DateTime{2013, 2, 12, 4, 30, 0}, "", ""},
      {"date_only", R"({"id":"c","text":"본문","date":"2024-02-29"})", "c", "본문", "", "",
       DateTime{2024, 2, 29, 0, 0, 0}, "", ""},
      {"integer_id", R"({"id":42,"text":"정수 id"})", "42", "정수 id", "", "", std::nullopt, "",
       ""},
      {"negative_integer_id", R"({"id":-7,"text":"음수"})", "-7", "음수", "", "", std::nullopt, "",
       ""},
      {"no_id", R"({"text":"id 없음"})", "{file}:1", "id 없음", "", "", std::nullopt, "", ""},
      {"unicode_escapes", R"({"id":"u","text":"\uc548\ub155\n\ud83d\ude00"})", "u", "안녕\n😀", "",
       "", std::nullopt, "", ""},
      {"extra_fields_ignored", R"({"id":"x","text":"t","author":"기자","tags":["a"]})", "x", "t",
       "", "", std::nullopt, "", ""},
      {"null_date", R"({"id":"n","text":"t","date":null})", "n", "t", "", "", std::nullopt, "", ""},
      {"invalid_date", R"({"id":"d","text":"날짜 오류","date":"2023-02-30"})", "d", "날짜 오류", "",
       "", std::nullopt, "2023-02-30", ""},
      {"unparsable_date", R"({"id":"d2","text":"t","date":"어제"})", "d2", "t", "", "",
       std::nullopt, "\"date\"", ""},
      {"numeric_date", R"({"id":"d3","text":"t","date":20231117})", "d3", "t", "", "", std::nullopt,
       "\"date\"", ""},
      {"non_string_title", R"({"id":"t","text":"t","title":5})", "t", "t", "", "", std::nullopt, "",
       ""},
      {"crlf", "{\"id\":\"r\",\"text\":\"끝\"}\r", "r", "끝", "", "", std::nullopt, "", ""},
      {"empty_text", R"({"id":"e","text":""})", "e", "", "", "", std::nullopt, "", ""},
      {"malformed", R"({"id":"m","text":"닫히지 않음")", "", "", "", "", std::nullopt, "", "JSON"},
      {"array", R"([1,2,3])", "", "", "", "", std::nullopt, "", "JSON object"},
      {"string", R"("본문")", "", "", "", "", std::nullopt, "", "JSON object"},
      {"no_text", R"({"id":"nt","title":"본문 없음"})", "", "", "", "", std::nullopt, "",
       "\"text\""},
      {"text_not_string", R"({"id":"ts","text":123})", "", "", "", "", std::nullopt, "",
       "\"text\""},
      {"text_null", R"({"id":"tn","text":null})", "", "", "", "", std::nullopt, "", "\"text\""},
      {"id_object", R"({"id":{"x":1},"text":"객체 id"})", "", "", "", "", std::nullopt, "",
       "\"id\""},
      {"id_float", R"({"id":1.5,"text":"t"})", "", "", "", "", std::nullopt, "", "\"id\""},
      {"id_array", R"({"id":["a"],"text":"t"})", "", "", "", "", std::nullopt, "", "\"id\""},
      // --on-invalid replace (the default) repairs the line like a text file.
      {"invalid_utf8", "{\"id\":\"i\",\"text\":\"ab\xFF\"}", "i", "ab\uFFFD", "", "", std::nullopt,
       "invalid UTF-8 at byte offset 20", ""},
  };
}

class JsonLineTest : public ::testing::TestWithParam<JsonLineCase> {};

TEST_P(JsonLineTest, OneLine) {
  const JsonLineCase& c = GetParam();
  TempDir dir;
  const std::string path = dir.Write("news.jsonl", c.line + "\n");
  const std::string source = path + ":1";
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok()) << got.status.message();
  if (!c.problem.empty()) {
    EXPECT_TRUE(got.documents.empty());
    ASSERT_EQ(got.problems.size(), 1u);
    const InputProblem& problem = got.problems[0];
    EXPECT_TRUE(problem.failed);
    EXPECT_EQ(problem.source, source);
    EXPECT_FALSE(problem.id.empty());
    EXPECT_TRUE(Contains(problem.reason, c.problem)) << problem.reason;
    return;
  }
  ASSERT_TRUE(got.problems.empty()) << got.problems[0].reason;
  ASSERT_EQ(got.documents.size(), 1u);
  const RawDocument& doc = got.documents[0];
  EXPECT_EQ(doc.id, c.id == "{file}:1" ? source : c.id);
  EXPECT_EQ(doc.source, source);
  EXPECT_EQ(doc.text, c.text);
  EXPECT_EQ(doc.title, c.title);
  EXPECT_EQ(doc.url, c.url);
  EXPECT_EQ(doc.date, c.date);
  EXPECT_EQ(doc.encoding, "utf-8");
  if (c.warning.empty()) {
    EXPECT_TRUE(doc.warnings.empty()) << doc.warnings[0];
  } else {
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_TRUE(Contains(doc.warnings[0], source)) << doc.warnings[0];
    EXPECT_TRUE(Contains(doc.warnings[0], c.warning)) << doc.warnings[0];
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, JsonLineTest, ::testing::ValuesIn(JsonLineCases()),
                         [](const auto& p) { return p.param.name; });

TEST(JsonLinesTest, ManyLinesKeepOrderAndLineNumbers) {
  TempDir dir;
  const std::string content =
      "\xEF\xBB\xBF{\"id\":\"first\",\"text\":\"첫 기사\"}\n"  // 1, after a byte order mark
      "\n"                                                     // 2
      "   \t \r\n"                                             // 3
      "{\"id\":\"bad\",\"text\":5}\n"                          // 4
      "{broken\n"                                              // 5
      "{\"id\":2,\"text\":\"둘째\"}\n"                         // 6
      "{\"text\":\"셋째\"}";                                   // 7, no final newline
  const std::string path = dir.Write("news.ndjson", content);
  const Collected got = Read(path);
  ASSERT_TRUE(got.status.ok());
  ASSERT_EQ(got.documents.size(), 3u);
  EXPECT_EQ(got.documents[0].id, "first");
  EXPECT_EQ(got.documents[0].source, path + ":1");
  EXPECT_EQ(got.documents[1].id, "2");
  EXPECT_EQ(got.documents[1].source, path + ":6");
  EXPECT_EQ(got.documents[2].id, path + ":7");
  EXPECT_EQ(got.documents[2].text, "셋째");
  ASSERT_EQ(got.problems.size(), 2u);
  EXPECT_EQ(got.problems[0].source, path + ":4");
  EXPECT_EQ(got.problems[0].id, "bad");  // the id was readable, so the problem names it
  EXPECT_EQ(got.problems[1].source, path + ":5");
  EXPECT_EQ(got.problems[1].id, path + ":5");
}

TEST(JsonLinesTest, EmptyFileGivesNothing) {
  TempDir dir;
  for (const std::string content : {"", "\n\n", "\xEF\xBB\xBF"}) {
    const Collected got = Read(dir.Write("empty.jsonl", content));
    EXPECT_TRUE(got.status.ok());
    EXPECT_TRUE(got.documents.empty());
    EXPECT_TRUE(got.problems.empty());
  }
}

// Downstream every document is told apart by its id (graph nodes, output rows): an empty "id"
// must not give a document an empty id.
TEST(JsonLinesTest, EmptyStringIdStillIdentifiesTheDocument) {
  TempDir dir;
  const std::string path = dir.Write("news.jsonl", "{\"id\":\"\",\"text\":\"본문\"}\n");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size() + got.problems.size(), 1u);
  for (const RawDocument& doc : got.documents) EXPECT_FALSE(doc.id.empty());
  for (const InputProblem& problem : got.problems) EXPECT_FALSE(problem.id.empty());
}

TEST(InputFormatTest, OptionOverridesTheExtension) {
  TempDir dir;
  const std::string lines = "{\"id\":\"a\",\"text\":\"하나\"}\n{\"id\":\"b\",\"text\":\"둘\"}\n";
  struct Case {
    std::string file;
    InputFormat format;
    size_t documents;
  };
  const Case cases[] = {
      {"as_text.txt", InputFormat::kAuto, 1},  {"as_text.txt", InputFormat::kText, 1},
      {"as_json.txt", InputFormat::kJsonl, 2}, {"auto.jsonl", InputFormat::kAuto, 2},
      {"auto.ndjson", InputFormat::kAuto, 2},  {"forced.jsonl", InputFormat::kText, 1},
      {"weird.JSONL", InputFormat::kJsonl, 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string path = dir.Write(c.file, lines);
    const Collected got = Read(path, c.format);
    ASSERT_TRUE(got.status.ok());
    EXPECT_TRUE(got.problems.empty());
    ASSERT_EQ(got.documents.size(), c.documents);
    if (c.documents == 1) {
      EXPECT_EQ(got.documents[0].text, lines);  // read as text: the JSON is the document
      EXPECT_EQ(got.documents[0].id, path);
    } else {
      EXPECT_EQ(got.documents[0].id, "a");
      EXPECT_EQ(got.documents[1].text, "둘");
    }
  }
}

// A JSON lines file is decoded as a whole file is: UTF-16 with a byte order mark, CP949, or the
// --encoding named. Lines split where the encoding writes '\n'.
TEST(JsonLinesTest, OtherEncodingsKeepLinesAndIds) {
  const std::u16string lines =
      u"{\"id\":\"가\",\"text\":\"서울\"}\r\n{\"id\":\"나\",\"text\":\"\u0a0a\"}\n";
  struct Case {
    std::string name;
    std::string bytes;
    std::string encoding;
    std::string label;
  };
  std::string utf16le_no_bom = Utf16WithBom(lines, true).substr(2);
  const Case cases[] = {
      {"utf16le.jsonl", Utf16WithBom(lines, true), "", "utf-16le"},
      {"utf16be.jsonl", Utf16WithBom(lines, false), "", "utf-16be"},
      // U+0A0A is 0A 0A in either byte order: no line ends inside it.
      {"utf16le_named.jsonl", utf16le_no_bom, "utf-16le", "utf-16le"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path = dir.Write(c.name, c.bytes);
    const Collected got = c.encoding.empty() ? Read(path) : ReadWithEncoding(path, c.encoding);
    ASSERT_TRUE(got.status.ok()) << got.status.message();
    ASSERT_TRUE(got.problems.empty()) << got.problems[0].reason;
    ASSERT_EQ(got.documents.size(), 2u);
    EXPECT_EQ(got.documents[0].id, "가");
    EXPECT_EQ(got.documents[0].text, "서울");
    EXPECT_EQ(got.documents[0].encoding, c.label);
    EXPECT_EQ(got.documents[1].id, "나");
    EXPECT_EQ(got.documents[1].text, "\u0a0a");
    EXPECT_EQ(got.documents[1].source, path + ":2");
  }
  TempDir dir;
  const Collected cp949 = Read(dir.Write("cp949.jsonl",
                                         "{\"id\":\"k\",\"text\":\"\xBC\xAD\xBF\xEF\"}\n"
                                         "{\"text\":\"\x8C\x63\"}\n"));
  ASSERT_EQ(cp949.documents.size(), 2u);
  EXPECT_EQ(cp949.documents[0].text, "서울");
  EXPECT_EQ(cp949.documents[1].text, "똠");
  EXPECT_EQ(cp949.documents[1].encoding, "cp949");
}

TEST(JsonLinesTest, ProblemsCarryTheirLineNumber) {
  TempDir dir;
  const std::string path = dir.Write("news.jsonl",
                                     "{\"id\":\"a\",\"text\":\"하나\"}\n"
                                     "\n"
                                     "{\"id\":\"b\",\"text\":\n"
                                     "{\"id\":\"c\"}\n");
  const Collected got = Read(path);
  ASSERT_EQ(got.documents.size(), 1u);
  EXPECT_EQ(got.documents[0].line, 1u);
  ASSERT_EQ(got.problems.size(), 2u);
  EXPECT_EQ(got.problems[0].line, 3u);
  EXPECT_TRUE(Contains(got.problems[0].reason, "not valid JSON")) << got.problems[0].reason;
  EXPECT_TRUE(Contains(got.problems[0].reason, "byte 18")) << got.problems[0].reason;
  EXPECT_EQ(got.problems[1].line, 4u);
  EXPECT_EQ(got.problems[1].id, "c");
}

TEST(JsonLinesTest, BinaryFileIsSkippedWhole) {
  TempDir dir;
  const std::string path = dir.Write("data.jsonl", std::string("{\"text\":\"a\"}\n\0\0\x01\n", 16));
  const Collected got = Read(path);
  EXPECT_TRUE(got.documents.empty());
  ASSERT_EQ(got.problems.size(), 1u);
  EXPECT_FALSE(got.problems[0].failed);
  EXPECT_EQ(got.problems[0].source, path);
  EXPECT_TRUE(Contains(got.problems[0].reason, "NUL byte at byte offset 13"))
      << got.problems[0].reason;
}

}  // namespace
}  // namespace sageon
