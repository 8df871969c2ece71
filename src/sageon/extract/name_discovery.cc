#include "sageon/extract/name_discovery.h"

#include <algorithm>
#include <utility>

#include "sageon/base/utf8.h"

namespace sageon {

namespace {

// Korean names and foreign names in Hangul: two to five syllables (두환, 문성민, 코페르니쿠스).
constexpr size_t kMinSyllables = 2;
constexpr size_t kMaxSyllables = 5;

// Particles only people (and animals) take: the dative 에게/한테 and the honorific subject 께서,
// and the vocative 아/야 (현우야).
bool AnimateParticle(std::string_view particle) {
  for (std::string_view head : {"에게", "한테", "께서", "께"}) {
    if (particle.substr(0, head.size()) == head) return true;
  }
  return particle == "아" || particle == "야";
}

// Words of kinship and address that follow a person's name (두환 아버지, 소희 누나).
bool KinWord(std::string_view word) {
  static constexpr std::string_view kKin[] = {
      "아버지", "어머니", "아빠", "엄마", "할아버지", "할머니", "누나", "언니", "오빠",
      "형",     "동생",   "아내", "남편", "부인",     "아들",   "딸",   "부모", "가족"};
  return std::find(std::begin(kKin), std::end(kKin), word) != std::end(kKin);
}

}  // namespace

void NameCounter::Observe(const Document& doc) {
  ++documents_;
  const std::vector<Token>& tokens = doc.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    // With a particle, an unknown noun is a proper-noun candidate; alone, the analyzer tells no
    // noun from another (세호 아버지), and Promote leaves out the known ones.
    const bool whole = t.parts.size() <= 1;
    if (t.tag != TokenTag::kProperNoun && !(whole && t.tag == TokenTag::kNoun)) continue;
    // Every Hangul syllable is three bytes: the length is checked before the bytes.
    const std::string_view form = doc.Text(t.head());
    if (form.size() < 3 * kMinSyllables || form.size() > 3 * kMaxSyllables ||
        !utf8::AllHangulSyllables(form)) {
      continue;
    }
    Counted& counted = counts_[form];
    NameEvidence& e = counted.evidence;
    if (counted.last_document != documents_) {
      ++e.documents;
      counted.last_document = documents_;
    }
    const bool particle = t.parts.size() == 2 && t.parts[1].tag == TokenTag::kParticle;
    if (particle) {
      ++e.with_particle;
      if (AnimateParticle(doc.Text(t.parts[1].span))) ++e.animate;
    } else {
      ++e.alone;
      const bool kin_after = whole && i + 1 < tokens.size() &&
                             tokens[i + 1].sentence == t.sentence &&
                             KinWord(doc.Text(tokens[i + 1].head()));
      if (kin_after) ++e.animate;
    }
  }
}

std::vector<DiscoveredName> NameCounter::Promote(const std::function<bool(std::string_view)>& known,
                                                 const DiscoveryThresholds& thresholds) const {
  std::vector<DiscoveredName> out;
  for (const auto& [name, counted] : counts_.items()) {
    const NameEvidence& e = counted.evidence;
    if (e.documents < thresholds.min_documents || e.with_particle < thresholds.min_with_particle ||
        e.with_particle < e.alone || e.animate < thresholds.min_animate) {
      continue;
    }
    if (known(name)) continue;
    out.push_back(DiscoveredName{name, EntityType::kPerson, e});
  }
  std::sort(out.begin(), out.end(),
            [](const DiscoveredName& a, const DiscoveredName& b) { return a.name < b.name; });
  return out;
}

std::string RenderDiscoveredNames(const std::vector<DiscoveredName>& names) {
  std::string out =
      "# Names sageon discovered in a batch: unknown nouns that came back in several documents\n"
      "# with particles, some of them particles or words only people take (에게, 께서, 아버지).\n"
      "# A gazetteer like any --dict file: check it, edit it, reuse it with --dict.\n"
      "name\ttype\taliases\tdocuments\twith_particle\tanimate\n";
  for (const DiscoveredName& n : names) {
    out.append(n.name).append("\t").append(EntityTypeName(n.type)).append("\t\t");
    out.append(std::to_string(n.evidence.documents)).append("\t");
    out.append(std::to_string(n.evidence.with_particle)).append("\t");
    out.append(std::to_string(n.evidence.animate)).append("\n");
  }
  return out;
}

Result<std::vector<DiscoveredName>> DiscoverNames(const Pipeline& pipeline,
                                                  const std::vector<std::string>& files,
                                                  const BatchOptions& options) {
  BatchOptions first_pass = options;
  first_pass.last = Stage::kTokens;
  first_pass.shard = 0;
  first_pass.shards = 1;
  NameCounter counter;
  BatchCallbacks callbacks;
  callbacks.on_document = [&](const Document& doc) { counter.Observe(doc); };
  RunSummary summary;
  summary.KeepOnlyLatestReport();
  SAGEON_RETURN_IF_ERROR(ProcessInputs(pipeline, files, first_pass, callbacks, &summary));
  return counter.Promote([&](std::string_view word) { return pipeline.IsKnownWord(word); });
}

}  // namespace sageon
