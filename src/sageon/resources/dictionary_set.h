// Plain TSV dictionaries: a '#' line is a comment, the first other line names the columns, every
// later line is a row with that many cells. Loaded once, then read-only; every error names the file
// and the line ("gazetteer_people.tsv:12: expected 3 columns, got 2").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sageon/base/status.h"

namespace sageon {

class TsvTable {
 public:
  struct Row {
    std::vector<std::string> cells;
    size_t line = 0;  // 1-based line in the source file, for messages
  };

  // `source` names the file in messages.
  static Result<TsvTable> Parse(std::string_view content, std::string source);
  static Result<TsvTable> Load(const std::string& path);

  const std::string& source() const { return source_; }
  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<Row>& rows() const { return rows_; }
  std::optional<size_t> ColumnIndex(std::string_view name) const;
  // An error naming the file and the missing column unless every name is a column.
  Status RequireColumns(std::initializer_list<std::string_view> names) const;
  // The cell of `row` in column `column`; empty when the table has no such column.
  std::string_view Cell(const Row& row, std::string_view column) const;

 private:
  std::string source_;
  size_t header_line_ = 1;  // the line that names the columns, for messages
  std::vector<std::string> columns_;
  std::vector<Row> rows_;
};

// Every dictionary a pipeline uses, by name (the file's stem: "particles", "gazetteer_people").
// Gazetteers share one format, columns `name`, `type`, `aliases` (aliases separated by '|'): the
// project's files are named gazetteer_*.tsv and a user adds more with --dict FILE.
class DictionarySet {
 public:
  // Loads every *.tsv file in `dir`.
  static Result<DictionarySet> LoadDirectory(const std::string& dir);
  // Adds a table under `name` (tests build small sets in memory this way).
  void Add(std::string name, TsvTable table);
  // Adds a user's gazetteer file; it must have the gazetteer columns.
  Status AddUserGazetteer(const std::string& path);
  // The same for a gazetteer given as text; `source` names it in errors.
  Status AddUserGazetteerText(const std::string& source, std::string_view content);
  // Forgets the user's gazetteers (the project's stay), for a caller that reads them again in
  // another order.
  void RemoveUserGazetteers();

  const TsvTable* Find(std::string_view name) const;
  // The table, or an error naming it and the directory it was looked for in.
  Result<const TsvTable*> Get(std::string_view name) const;
  // The project's gazetteer_* tables, then the user's, in a fixed order.
  std::vector<const TsvTable*> Gazetteers() const;
  const std::string& directory() const { return directory_; }

  // The words of a general Korean dictionary: Debian's hunspell-ko word list
  // (/usr/share/hunspell/ko.dic, stored in conjoining jamo; its affix flags are ignored). The
  // entity stage takes a surname-initial word that is not a dictionary word for a name. Words are
  // kept in precomposed Hangul, two syllables or more.
  Status LoadHunspellWords(const std::string& path);
  bool IsDictionaryWord(std::string_view word) const { return words_.count(word) > 0; }
  size_t dictionary_word_count() const { return words_.size(); }
  // A copy of the words, for a stage that outlives this set.
  std::vector<std::string> DictionaryWords() const { return {words_.begin(), words_.end()}; }
  // Adds words directly (tests).
  void AddDictionaryWords(std::initializer_list<std::string_view> words);

 private:
  Status AddUserGazetteerTable(const std::string& source, TsvTable table);
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_set<std::string, StringHash, std::equal_to<>> words_;
  std::string directory_;
  std::map<std::string, TsvTable, std::less<>> tables_;
  std::vector<std::string> user_gazetteers_;
};

}  // namespace sageon
