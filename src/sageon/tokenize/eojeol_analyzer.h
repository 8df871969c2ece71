// Splits one eojeol into its parts from the lexicons in dictionaries/ (particles.tsv, endings.tsv,
// predicate_suffixes.tsv ...): 알트먼의 → 알트먼/proper_noun + 의/particle,
// 마이크로소프트와의 → 마이크로소프트 + 와의, 해임되었다 → 해임/noun + 되었다/predicate+ending.
// Longest match with constraints, so that names ending in a particle-like syllable are not cut.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/status.h"
#include "sageon/document.h"
#include "sageon/resources/dictionary_set.h"

namespace sageon {

struct EojeolAnalysis {
  std::vector<Morph> parts;  // spans relative to the eojeol's own start; one part when unsplit
  TokenTag tag = TokenTag::kOther;
  std::string lemma;  // for predicates
  // The particle at the end, if any ("의", "와의", "으로"), for the role and entity stages.
  std::string_view particle;
};

class EojeolAnalyzer {
 public:
  static Result<EojeolAnalyzer> Create(const DictionarySet& dictionaries);

  EojeolAnalyzer(EojeolAnalyzer&&) noexcept;
  EojeolAnalyzer& operator=(EojeolAnalyzer&&) noexcept;
  ~EojeolAnalyzer();

  // `eojeol` holds no white space. Const and thread-safe.
  EojeolAnalysis Analyze(std::string_view eojeol) const;
  // The same into `out`, whose storage is reused: a caller that analyzes many eojeols keeps one
  // EojeolAnalysis and allocates nothing for most of them.
  void Analyze(std::string_view eojeol, EojeolAnalysis* out) const;
  // True when `form` is a particle of the lexicon ("은", "에서의").
  bool IsParticle(std::string_view form) const;

 private:
  struct Impl;
  explicit EojeolAnalyzer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sageon
