#include "sageon/resources/dictionary_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "sageon/base/line_cursor.h"
#include "sageon/base/utf8.h"

namespace sageon {

namespace {
std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cells.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return cells;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return IoError(path + ": read failed");
  return buffer.str();
}
}  // namespace

Result<TsvTable> TsvTable::Parse(std::string_view content, std::string source) {
  TsvTable table;
  table.source_ = std::move(source);
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  LineCursor lines(content);
  std::string_view line;
  while (lines.Next(&line)) {
    const size_t line_no = lines.line_number();
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto cells = SplitTabs(line);
    if (table.columns_.empty()) {
      table.columns_ = std::move(cells);
      table.header_line_ = line_no;
      continue;
    }
    if (cells.size() != table.columns_.size()) {
      return DataError(table.source_ + ":" + std::to_string(line_no) + ": expected " +
                       std::to_string(table.columns_.size()) + " columns, got " +
                       std::to_string(cells.size()));
    }
    table.rows_.push_back(Row{std::move(cells), line_no});
  }
  if (table.columns_.empty())
    return DataError(table.source_ + ": no header line naming the columns");
  return table;
}

Result<TsvTable> TsvTable::Load(const std::string& path) {
  SAGEON_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(path));
  return Parse(content, path);
}

std::optional<size_t> TsvTable::ColumnIndex(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  return std::nullopt;
}

Status TsvTable::RequireColumns(std::initializer_list<std::string_view> names) const {
  for (std::string_view name : names) {
    if (!ColumnIndex(name)) {
      return DataError(source_ + ":" + std::to_string(header_line_) + ": missing column '" +
                       std::string(name) + "'");
    }
  }
  return Status::Ok();
}

std::string_view TsvTable::Cell(const Row& row, std::string_view column) const {
  const auto index = ColumnIndex(column);
  if (!index || *index >= row.cells.size()) return {};
  return row.cells[*index];
}

Result<DictionarySet> DictionarySet::LoadDirectory(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": dictionary directory not found");
  DictionarySet set;
  set.directory_ = dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tsv")
      files.push_back(entry.path());
  }
  if (ec) return IoError(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    SAGEON_ASSIGN_OR_RETURN(TsvTable table, TsvTable::Load(file.string()));
    set.tables_.emplace(file.stem().string(), std::move(table));
  }
  return set;
}

void DictionarySet::Add(std::string name, TsvTable table) {
  tables_.insert_or_assign(std::move(name), std::move(table));
}

Status DictionarySet::AddUserGazetteer(const std::string& path) {
  SAGEON_ASSIGN_OR_RETURN(TsvTable table, TsvTable::Load(path));
  return AddUserGazetteerTable(path, std::move(table));
}

Status DictionarySet::AddUserGazetteerText(const std::string& source, std::string_view content) {
  SAGEON_ASSIGN_OR_RETURN(TsvTable table, TsvTable::Parse(content, source));
  return AddUserGazetteerTable(source, std::move(table));
}

Status DictionarySet::AddUserGazetteerTable(const std::string& source, TsvTable table) {
  SAGEON_RETURN_IF_ERROR(table.RequireColumns({"name", "type", "aliases"}));
  std::string name = "user:" + source;
  user_gazetteers_.push_back(name);
  tables_.insert_or_assign(std::move(name), std::move(table));
  return Status::Ok();
}

void DictionarySet::RemoveUserGazetteers() {
  for (const std::string& name : user_gazetteers_) tables_.erase(name);
  user_gazetteers_.clear();
}

const TsvTable* DictionarySet::Find(std::string_view name) const {
  const auto it = tables_.find(name);
  return it == tables_.end() ? nullptr : &it->second;
}

Result<const TsvTable*> DictionarySet::Get(std::string_view name) const {
  if (const TsvTable* table = Find(name)) return table;
  return NotFound("dictionary '" + std::string(name) + ".tsv' not found in '" + directory_ + "'");
}

std::vector<const TsvTable*> DictionarySet::Gazetteers() const {
  std::vector<const TsvTable*> out;
  for (const auto& [name, table] : tables_) {
    if (name.rfind("gazetteer_", 0) == 0) out.push_back(&table);
  }
  for (const auto& name : user_gazetteers_) out.push_back(Find(name));
  return out;
}

namespace {
// A hunspell-ko word, stored in conjoining jamo (ᄀ ᅡ ᆨ), composed into precomposed syllables
// (각) in `out`: true when it is a word the set keeps, every character a syllable (a leading
// consonant and a vowel, with or without a final one, or a syllable already composed) and two
// syllables at least. One pass, no allocation once `out` has grown: the list has 100,000 words.
bool ComposeHangulWord(std::string_view decomposed, std::string* out) {
  out->clear();
  size_t syllables = 0;
  char32_t lead = 0, vowel = 0, tail = 0;  // the jamo of the syllable being composed
  // Ends the syllable being composed; false when it lacks its vowel.
  auto flush = [&] {
    if (lead == 0) return true;
    if (vowel == 0) return false;
    const char32_t t = tail ? tail - 0x11A7 : 0;
    utf8::Append(0xAC00 + ((lead - 0x1100) * 21 + (vowel - 0x1161)) * 28 + t, out);
    ++syllables;
    lead = vowel = tail = 0;
    return true;
  };
  size_t pos = 0;
  while (pos < decomposed.size()) {
    const char32_t c = utf8::Next(decomposed, &pos);
    if (c >= 0x1100 && c <= 0x1112) {
      if (!flush()) return false;
      lead = c;
    } else if (c >= 0x1161 && c <= 0x1175 && lead && !vowel) {
      vowel = c;
    } else if (c >= 0x11A8 && c <= 0x11C2 && vowel && !tail) {
      tail = c;
    } else {
      if (!flush() || !utf8::IsHangulSyllable(c)) return false;
      utf8::Append(c, out);
      ++syllables;
    }
  }
  return flush() && syllables >= 2;
}
}  // namespace

Status DictionarySet::LoadHunspellWords(const std::string& path) {
  SAGEON_ASSIGN_OR_RETURN(std::string content, ReadWholeFile(path));
  LineCursor lines(content);
  std::string_view line;
  // The first line is the entry count.
  if (lines.Next(&line)) {
    size_t count = 0;
    for (char c : line) {
      if (!utf8::IsAsciiDigit(static_cast<unsigned char>(c))) break;
      count = count * 10 + static_cast<size_t>(c - '0');
    }
    // Only a hint, against rehashing as the words come; a wrong count costs nothing but that.
    words_.reserve(words_.size() + std::min<size_t>(count, content.size() / 4));
  }
  std::string word;
  while (lines.Next(&line)) {
    if (ComposeHangulWord(line.substr(0, line.find('/')), &word)) words_.insert(word);
  }
  if (words_.empty()) return DataError(path + ": no Korean words in this hunspell word list");
  return Status::Ok();
}

void DictionarySet::AddDictionaryWords(std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) words_.emplace(w);
}

}  // namespace sageon
