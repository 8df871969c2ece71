// Stage 4: entities. Gazetteers (dictionaries/gazetteer_*.tsv and the user's --dict files), rules
// (a Hangul name with a Latin one in parentheses, "X(이하, Y)", titles and roles, organization and
// location suffixes) and in-document linking of partial mentions to the full name.
#pragma once

#include <memory>
#include <string_view>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"

namespace sageon {

class EntityRecognizer {
 public:
  static Result<EntityRecognizer> Create(const DictionarySet& dictionaries);

  EntityRecognizer(EntityRecognizer&&) noexcept;
  EntityRecognizer& operator=(EntityRecognizer&&) noexcept;
  ~EntityRecognizer();

  // Fills doc->entities and doc->mentions from doc->text, doc->sentences and doc->tokens; date
  // spans in doc->dates are never entities. Const and thread-safe.
  void Recognize(Document* doc) const;

  // True when a list the recognizer reads knows `word` (a general word or a verb stem, a
  // gazetteer's form, a title, a surname): name discovery promotes none of those.
  bool IsKnownWord(std::string_view word) const;

 private:
  struct Impl;
  explicit EntityRecognizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The canonical id of an actor: its type and its name without spaces, Latin letters lowered
// ("person:샘알트먼", "org:오픈ai"), so spacing variants of one name meet in one node.
std::string CanonicalEntityId(EntityType type, std::string_view name);

}  // namespace sageon
