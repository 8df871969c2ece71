// Corpus-level name discovery for batch runs. A person no dictionary lists (a novel's 두환, a
// new player's 우즈) is often named without a title or 씨 around it; one document gives no cue to
// read it by, but a batch does: the same unknown noun comes back in several documents with
// particles, and some of them are the particles only people take (에게, 한테, 께서). This is the
// idea of soynlp's noun extraction (a word is a noun when what follows it is mostly particles),
// narrowed to names by those cues. The names found are read in the second pass as a gazetteer,
// the same way a --dict file is read, so a run with discovery is a run with that gazetteer.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/base/string_table.h"
#include "sageon/batch.h"
#include "sageon/document.h"
#include "sageon/pipeline.h"

namespace sageon {

// What the batch says of one unknown noun.
struct NameEvidence {
  uint32_t documents = 0;      // documents it occurs in
  uint32_t with_particle = 0;  // occurrences followed by a particle (두환은, 두환의)
  uint32_t alone = 0;          // occurrences as a whole word, or with anything else after it
  uint32_t animate = 0;  // occurrences with a particle or word only people take (두환에게)
};

struct DiscoveredName {
  std::string name;
  EntityType type = EntityType::kPerson;
  NameEvidence evidence;
};

// When a noun is promoted. Defaults: seen in two documents or more, at least twice with a
// particle, with a particle at least as often as without, and once at least with a cue of a
// person.
struct DiscoveryThresholds {
  uint32_t min_documents = 2;
  uint32_t min_with_particle = 2;
  uint32_t min_animate = 1;
};

// Counts the unknown nouns of tokenized documents (Stage::kTokens). Not thread-safe: one counter
// sees the documents one after another (ProcessInputs hands them over in input order).
class NameCounter {
 public:
  void Observe(const Document& doc);

  // The names that pass `thresholds`, sorted by name. `known` tells a word some dictionary
  // already reads (a common word, a listed name, a title): those are never promoted.
  std::vector<DiscoveredName> Promote(const std::function<bool(std::string_view)>& known,
                                      const DiscoveryThresholds& thresholds = {}) const;

 private:
  struct Counted {
    NameEvidence evidence;
    uint32_t last_document = 0;  // the ordinal of the last document it was seen in (from 1)
  };
  StringTable<Counted> counts_;
  uint32_t documents_ = 0;  // documents observed
};

// The names as a gazetteer TSV (name, type, aliases, documents, with_particle, animate), with a
// header that says where they come from: what --dict reads and what run writes next to its
// outputs, for a user to check, edit and reuse.
std::string RenderDiscoveredNames(const std::vector<DiscoveredName>& names);

// The first pass of a batch run: every document of `files` (all shards, so that every shard of a
// sharded run finds the same names) read and tokenized on `options.jobs` threads, and counted.
// Messages about bad input are left to the second pass, which reports them.
Result<std::vector<DiscoveredName>> DiscoverNames(const Pipeline& pipeline,
                                                  const std::vector<std::string>& files,
                                                  const BatchOptions& options);

}  // namespace sageon
