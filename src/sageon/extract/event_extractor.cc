#include "sageon/extract/event_extractor.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sageon/base/string_table.h"
#include "sageon/base/utf8.h"

namespace sageon {

namespace {

// ------------------------------------------------------------------ the trigger lexicon

struct TriggerEntry {
  std::string form;
  bool is_verb = false;
  std::string type;
  std::string lemma;
  // Transitive: the subject of the passive (해임되다) and the genitive or bare noun before the
  // verbal noun (알트먼의 해임, 알트먼 해임) is the patient.
  bool transitive = false;
  // X로/으로 names the position taken (사장으로 임명).
  bool ro_marks_role = false;
};

// ------------------------------------------------------------------ particles
// Case particles decide roles, so the closed class lives here with its grammar; the tokenizer's
// parts are used when they exist, this table reads the surface when they do not.

enum class Case {
  kNone,          // no particle: a bare noun (오픈AI 이사회, 알트먼 해임)
  kNominative,    // 이/가/께서
  kTopic,         // 은/는/도, and the comma of a list item ("오픈AI 이사회, ...")
  kAccusative,    // 을/를
  kGenitive,      // 의
  kDative,        // 에게/한테/께
  kLocative,      // 에서: an organization acting (마이크로소프트에서 발표)
  kInstrumental,  // 로/으로
  kConjunctive,   // 와/과/하고/이랑: "A와 B" or "A와 (함께) ..."
  kComitative,    // 와의/과의/와는: with whom
  kAdverbial,     // 에 (and 에 의해, which the role rule looks for)
  kOther,         // anything else: 부터, 까지, copula ...
};

struct ParticleForm {
  std::string_view form;
  Case particle_case;
};

constexpr ParticleForm kParticles[] = {
    {"이", Case::kNominative},   {"가", Case::kNominative},     {"께서", Case::kNominative},
    {"께서는", Case::kTopic},    {"은", Case::kTopic},          {"는", Case::kTopic},
    {"도", Case::kTopic},        {"을", Case::kAccusative},     {"를", Case::kAccusative},
    {"의", Case::kGenitive},     {"에게", Case::kDative},       {"한테", Case::kDative},
    {"께", Case::kDative},       {"에게는", Case::kDative},     {"에게도", Case::kDative},
    {"에서", Case::kLocative},   {"에서는", Case::kLocative},   {"에서도", Case::kLocative},
    {"로", Case::kInstrumental}, {"으로", Case::kInstrumental}, {"와", Case::kConjunctive},
    {"과", Case::kConjunctive},  {"하고", Case::kConjunctive},  {"이랑", Case::kConjunctive},
    {"랑", Case::kConjunctive},  {"및", Case::kConjunctive},    {"와의", Case::kComitative},
    {"과의", Case::kComitative}, {"와는", Case::kComitative},   {"과는", Case::kComitative},
    {"와도", Case::kComitative}, {"과도", Case::kComitative},   {"에", Case::kAdverbial},
    {"에는", Case::kAdverbial},  {"에도", Case::kAdverbial},    {"에게서", Case::kOther},
    {"로부터", Case::kOther},    {"으로부터", Case::kOther},    {"로서", Case::kOther},
    {"으로서", Case::kOther},    {"로는", Case::kInstrumental}, {"으로는", Case::kInstrumental},
    {"만", Case::kOther},        {"까지", Case::kOther},        {"부터", Case::kOther},
    {"처럼", Case::kOther},      {"보다", Case::kOther},        {"이나", Case::kOther},
    {"나", Case::kOther},        {"조차", Case::kOther},        {"마저", Case::kOther},
    {"만큼", Case::kOther},      {"이다", Case::kOther},        {"였다", Case::kOther},
    {"이었다", Case::kOther},    {"이며", Case::kOther},        {"이고", Case::kOther},
    {"인", Case::kOther},        {"이라는", Case::kOther},      {"라는", Case::kOther},
    {"이라고", Case::kOther},    {"라고", Case::kOther},        {"이자", Case::kOther},
    {"에서의", Case::kOther},    {"으로의", Case::kOther},      {"로의", Case::kOther},
    {"에의", Case::kOther},
};

// Suffixes between a name and its particle that keep the name's role: 알트먼 씨가, 오픈AI 측은.
constexpr std::string_view kNameSuffixes[] = {"씨", "님", "측", "들", "사"};

// Reads `rest` as a sequence of particles; returns the case of the first one, or nullopt when
// `rest` is not made only of particles.
std::optional<Case> ParseParticles(std::string_view rest) {
  std::optional<Case> first;
  while (!rest.empty()) {
    const ParticleForm* best = nullptr;
    for (const ParticleForm& p : kParticles) {
      if (rest.starts_with(p.form) && (best == nullptr || p.form.size() > best->form.size())) {
        best = &p;
      }
    }
    if (best == nullptr) return std::nullopt;
    if (!first) first = best->particle_case;
    rest.remove_prefix(best->form.size());
  }
  return first;
}

// Case of what follows a name inside its eojeol, read from the surface.
std::optional<Case> SurfaceCase(std::string_view rest) {
  if (rest.empty()) return Case::kNone;
  if (auto c = ParseParticles(rest)) return c;
  for (std::string_view suffix : kNameSuffixes) {
    if (rest.starts_with(suffix)) {
      std::string_view after = rest.substr(suffix.size());
      if (after.empty()) return Case::kNone;
      if (auto c = ParseParticles(after)) return c;
    }
  }
  return std::nullopt;  // a compound (오픈AI이사회) or a predicate
}

// The case of the longest particle sequence that ends `word` after a stem of at least one code
// point: 이사회가 → nominative, 직원들의 → genitive; kNone when it ends in no particle.
Case TailCase(std::string_view word) {
  size_t pos = 0;
  if (!word.empty()) utf8::Next(word, &pos);
  while (pos < word.size()) {
    if (auto c = ParseParticles(word.substr(pos))) return *c;
    utf8::Next(word, &pos);
  }
  return Case::kNone;
}

// What can follow a verbal noun inside its eojeol: 하다/되다/당하다/시키다/받다 forms.
constexpr std::string_view kNounPredicateStarts[] = {
    "하",   "했",   "해",   "한",   "할",   "함",   "합",   "되",   "됐",   "돼",
    "된",   "될",   "됨",   "됩",   "당하", "당했", "당한", "당해", "당할", "당함",
    "시키", "시켰", "시킨", "시킬", "시켜", "받",   "중",   "차",
};
// Markers of the passive after a transitive verbal noun: its subject is the patient.
constexpr std::string_view kPassiveStarts[] = {"되",   "됐",   "돼",   "된",   "될",
                                               "됨",   "됩",   "당하", "당했", "당한",
                                               "당해", "당할", "당함", "받",   "당"};
// What can follow a native verb stem inside its eojeol.
constexpr std::string_view kVerbEndingStarts[] = {
    "다", "고", "며", "면", "서", "자", "지", "게", "기", "는", "던", "도",
    "려", "시", "셨", "습", "으", "어", "아", "음", "니", "았", "었", "ㅆ",
};

// Prefixes that make a verbal noun into a kind of the same event (총파업 is a strike, 재선출 an
// election, 긴급체포 an arrest).
constexpr std::string_view kTriggerPrefixes[] = {"총",   "재",   "전면", "무기한",
                                                 "긴급", "공동", "집단"};

bool StartsWithAny(std::string_view text, const auto& prefixes) {
  for (std::string_view p : prefixes) {
    if (text.starts_with(p)) return true;
  }
  return false;
}

bool IsSymbolToken(const Document& doc, const Token& token) {
  if (token.tag == TokenTag::kSymbol) return true;
  std::string_view text = doc.Text(token.span);
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::Next(text, &pos);
    if (utf8::IsHangul(c) || utf8::IsAsciiAlpha(c) || utf8::IsAsciiDigit(c) || utf8::IsHanja(c)) {
      return false;
    }
  }
  return true;
}

// A verb or adjective in its adnominal form (운영하는, 유명한, 떠난, 할): it opens a relative
// clause. Only the tokenizer's analysis tells a predicate from a noun ending in the same syllable.
bool IsAdnominalPredicate(const Document& doc, const Token& token) {
  bool predicate = token.tag == TokenTag::kPredicate;
  for (const Morph& part : token.parts) {
    if (part.tag == TokenTag::kPredicate || part.tag == TokenTag::kEnding) predicate = true;
  }
  if (!predicate) return false;
  const std::string_view text = doc.Text(token.span);
  if (text.empty()) return false;
  size_t start = 0;
  const char32_t last = utf8::Prev(text, text.size(), &start);
  if (last == U'는' || last == U'던') return true;
  const int final_consonant = utf8::FinalConsonant(last);
  return final_consonant == 4 || final_consonant == 8;  // ㄴ, ㄹ
}

// Whether the event of the trigger at token `t` took place, from the words that close its
// predicate: 하지 않았다 / 못했다 / 안 했다 (negated), 할 예정이다 / 할 계획 / 하기로 했다 / 하겠다
// (planned), 할 수(도) 있다 / 할 가능성 / 한다면 (possible). `end` is past the sentence's last
// token.
Realis ReadRealis(const Document& doc, size_t t, size_t end) {
  const auto text = [&](size_t i) { return i < end ? doc.Text(doc.tokens[i].span) : ""; };
  const std::string_view trigger = text(t);
  if (t > 0 && (text(t - 1) == "안" || text(t - 1) == "못")) return Realis::kNegated;
  // The trigger's own eojeol and the next two: 해임하지 | 않았다, 해임할 | 수도 | 있다.
  const std::string_view next = text(t + 1);
  if (trigger.find("지") != std::string_view::npos &&
      (next.starts_with("않") || next.starts_with("못"))) {
    return Realis::kNegated;
  }
  if (trigger.find("겠") != std::string_view::npos) return Realis::kPlanned;
  if (trigger.ends_with("기로") || trigger.ends_with("도록")) return Realis::kPlanned;
  if (trigger.ends_with("다면") || trigger.ends_with("면")) return Realis::kPossible;
  size_t start = 0;
  const char32_t last = trigger.empty() ? 0 : utf8::Prev(trigger, trigger.size(), &start);
  const bool prospective = utf8::FinalConsonant(last) == 8;  // ㄹ: 할, 될, 해임될
  if (prospective) {
    if (next == "수" || next.starts_with("수도") || next.starts_with("가능성")) {
      return Realis::kPossible;
    }
    for (std::string_view noun : {"예정", "계획", "방침", "전망", "것", "방안", "목표"}) {
      if (next.starts_with(noun)) return Realis::kPlanned;
    }
  }
  if (next.starts_with("예정")) return Realis::kPlanned;
  return Realis::kActual;
}

bool IsTokenText(const Document& doc, const Token& token, std::string_view text) {
  return doc.Text(token.span) == text;
}

// ------------------------------------------------------------------ per-sentence analysis

struct TriggerHit {
  size_t token = 0;  // index into doc.tokens
  Span span;
  const TriggerEntry* entry = nullptr;
  bool passive = false;
  // Written as a verb (해임했다, 해임하는), not as a bare noun (해임, 해임 후, 해임을).
  bool verbal = false;
};

enum class Relation {
  kSubject,   // nominative: agent, or patient of a passive
  kTopic,     // topic: like kSubject, and shared by later triggers
  kListHead,  // a name before a list item's comma ("오픈AI 이사회, ..."): like kTopic
  kObject,    // patient
  kRecipient,
  kGenitive,         // 알트먼의 해임: patient of a transitive, agent of an intransitive
  kGenitiveDistant,  // 이사회의 알트먼 해임: the agent
  kBareBefore,       // 알트먼 해임: the same, unless a genitive holds the subject
  kOrgLocative,      // 이사회에서 (an organization): agent
  kByAgent,          // 이사회에 의해: agent
  kInstrumental,     // 로/으로: the role taken for appointments
  kComitative,       // co-actor
  kOther,            // participant
};

struct Attachment {
  size_t mention = 0;  // index into doc.mentions
  Relation relation = Relation::kOther;
  size_t trigger = 0;  // index into the sentence's triggers
};

// Bullets that may open a list item before its text.
bool IsBullet(char32_t c) {
  switch (c) {
    case '-':
    case '*':
    case '+':
    case '>':
    case 0x2022:
    case 0x00B7:
    case 0x25B6:
    case 0x25B7:
    case 0x25A0:
    case 0x25A1:
    case 0x25CB:
    case 0x25CF:
    case 0x25C6:
    case 0x25C7:
    case 0x203B:
    case 0x25B2:
    case 0x25B3:
    case 0x2013:
    case 0x2014:
    case 0x2219:
    case 0x30FB:
      return true;
    default:
      return false;
  }
}

// Mentions and dates in text order, so a sentence finds its own with a binary search instead of
// walking the document's: the work per sentence stays proportional to the sentence.
class DocumentIndex {
 public:
  explicit DocumentIndex(const Document& doc) : doc_(doc) {
    mentions_ = ByStart(doc.mentions.size(), [&](size_t i) { return doc.mentions[i].span; });
    mention_max_end_.resize(mentions_.size());
    uint32_t max_end = 0;
    for (size_t i = 0; i < mentions_.size(); ++i) {
      max_end = std::max(max_end, doc.mentions[mentions_[i]].span.end);
      mention_max_end_[i] = max_end;
    }
    dates_ = ByStart(doc.dates.size(), [&](size_t i) { return doc.dates[i].span; });
  }

  // Whether any mention m has m.begin < s.end and s.begin < m.end: of the mentions starting
  // before s ends, the largest end passes s.begin.
  bool OverlapsMention(Span s) const {
    const size_t n =
        StartingBefore(mentions_, s.end, [&](uint32_t i) { return doc_.mentions[i].span; });
    return n > 0 && mention_max_end_[n - 1] > s.begin;
  }

  // Indices of the mentions (of the dates) that lie inside `outer`, in index order.
  std::vector<uint32_t> MentionsInside(Span outer) const {
    return Inside(mentions_, outer, [&](uint32_t i) { return doc_.mentions[i].span; });
  }
  std::vector<uint32_t> DatesInside(Span outer) const {
    return Inside(dates_, outer, [&](uint32_t i) { return doc_.dates[i].span; });
  }

 private:
  template <typename SpanOf>
  static std::vector<uint32_t> ByStart(size_t count, SpanOf span_of) {
    std::vector<uint32_t> order(count);
    for (size_t i = 0; i < count; ++i) order[i] = static_cast<uint32_t>(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return span_of(a).begin < span_of(b).begin; });
    return order;
  }
  // How many of `order` start before `end`.
  template <typename SpanOf>
  static size_t StartingBefore(const std::vector<uint32_t>& order, uint32_t end, SpanOf span_of) {
    return static_cast<size_t>(
        std::lower_bound(order.begin(), order.end(), end,
                         [&](uint32_t i, uint32_t e) { return span_of(i).begin < e; }) -
        order.begin());
  }
  template <typename SpanOf>
  static std::vector<uint32_t> Inside(const std::vector<uint32_t>& order, Span outer,
                                      SpanOf span_of) {
    auto it = std::lower_bound(order.begin(), order.end(), outer.begin,
                               [&](uint32_t i, uint32_t b) { return span_of(i).begin < b; });
    std::vector<uint32_t> out;
    for (; it != order.end() && span_of(*it).begin <= outer.end; ++it) {
      if (span_of(*it).end <= outer.end) out.push_back(*it);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  const Document& doc_;
  std::vector<uint32_t> mentions_;  // indices into doc.mentions by start
  std::vector<uint32_t> mention_max_end_;
  std::vector<uint32_t> dates_;  // indices into doc.dates by start
};

// The dated expressions of one sentence that can date an event, sorted two ways, so each trigger
// finds the nearest before and after it with a binary search. Built on the first trigger that
// needs them.
struct SentenceDates {
  bool built = false;
  std::vector<uint32_t> by_end;    // by end, then index
  std::vector<uint32_t> by_begin;  // by begin, then index
  // The date of the list the sentence is an item of (DateFor's fallback), once looked up.
  std::optional<std::optional<uint32_t>> list_date;
};

}  // namespace

struct EventExtractor::Impl {
  std::vector<TriggerEntry> entries;
  // form → index into entries; several rows may not share a form. Asked for every cut of every
  // token, by string_view, without building a string.
  StringTable<size_t> by_form;
  size_t max_form_bytes = 0;
  // form_bytes[n]: some form is n bytes long. Most cuts of a token have a length no form has, and
  // are not looked up at all.
  std::vector<bool> form_bytes;
  // Person titles (person_titles.tsv): in 샘 알트먼 오픈AI CEO가 the title heads the phrase, so its
  // particle is the person's and the organization before it only names the post.
  std::unordered_set<std::string> titles;

  std::optional<TriggerHit> MatchToken(const Document& doc, size_t index) const;
  std::optional<TriggerHit> MatchAfter(const Document& doc, size_t index, size_t skip) const;
  // Returns the mention that opens the sentence as its topic (오바마는 ...), the subject that a
  // following sentence naming no actor goes on about; `previous_topic` is that of the sentence
  // before.
  std::optional<uint32_t> ExtractSentence(Document* doc, const DocumentIndex& index,
                                          uint32_t sentence, size_t first_token, size_t end_token,
                                          std::optional<uint32_t> previous_topic) const;
  std::optional<uint32_t> DateFor(const Document& doc, const DocumentIndex& index,
                                  uint32_t sentence, SentenceDates* dates, Span trigger) const;
  std::optional<uint32_t> ListDateFor(const Document& doc, const DocumentIndex& index,
                                      uint32_t sentence) const;
};

namespace {

// A news article tells the news of its date in its headline and first sentences, often without
// writing the date ("한화 이글스가 안영명을 지명했다."): an event that took place, told there with
// no date of its own, happened on the document's date. Further down, an undated sentence is as
// likely background (그는 애플을 창업했다) and stays undated. Only a date the input gave counts,
// never one inferred from the text.
constexpr uint32_t kLeadSentences = 4;

// Whether `at` is inside quotation marks of its sentence: quoted speech (김 대표는 "합병을
// 마무리하겠다"고 말했다) tells what someone said, not the news of the day.
bool InsideQuote(const Document& doc, Span sentence, uint32_t at) {
  const std::string_view text = doc.Text(Span{sentence.begin, at});
  bool straight = false;
  int curly = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = utf8::Next(text, &pos);
    if (c == U'"') straight = !straight;
    if (c == U'\u201C' || c == U'\u300C' || c == U'\u300E') ++curly;  // “ 「 『
    if ((c == U'\u201D' || c == U'\u300D' || c == U'\u300F') && curly > 0) --curly;
  }
  return straight || curly > 0;
}

std::optional<uint32_t> DocumentDateFor(Document* doc, uint32_t sentence, Span trigger) {
  if (sentence >= kLeadSentences || !doc->reference || doc->reference_inferred ||
      InsideQuote(*doc, doc->sentences[sentence].span, trigger.begin)) {
    return std::nullopt;
  }
  if (!doc->dates.empty() && doc->dates.back().implicit && doc->dates.back().sentence == sentence) {
    return static_cast<uint32_t>(doc->dates.size() - 1);
  }
  TemporalExpression date;
  const uint32_t at = doc->sentences[sentence].span.begin;
  date.span = Span{at, at};
  date.value.time = *doc->reference;
  date.value.grain = Grain::kDay;
  date.anchor = Anchor::kDocument;
  date.sentence = sentence;
  date.implicit = true;
  doc->dates.push_back(std::move(date));
  return static_cast<uint32_t>(doc->dates.size() - 1);
}

}  // namespace

EventExtractor::EventExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EventExtractor::EventExtractor(EventExtractor&&) noexcept = default;
EventExtractor& EventExtractor::operator=(EventExtractor&&) noexcept = default;
EventExtractor::~EventExtractor() = default;

Result<EventExtractor> EventExtractor::Create(const DictionarySet& dictionaries) {
  SAGEON_ASSIGN_OR_RETURN(const TsvTable* table, dictionaries.Get("event_triggers"));
  SAGEON_RETURN_IF_ERROR(table->RequireColumns({"trigger", "type"}));
  auto impl = std::make_unique<Impl>();
  if (const TsvTable* titles = dictionaries.Find("person_titles")) {
    SAGEON_RETURN_IF_ERROR(titles->RequireColumns({"title"}));
    for (const TsvTable::Row& row : titles->rows()) {
      impl->titles.emplace(titles->Cell(row, "title"));
    }
  }
  for (const TsvTable::Row& row : table->rows()) {
    TriggerEntry entry;
    entry.form = std::string(table->Cell(row, "trigger"));
    entry.type = std::string(table->Cell(row, "type"));
    const std::string where = table->source() + ":" + std::to_string(row.line) + ": ";
    if (entry.form.empty() || entry.type.empty()) {
      return DataError(where + "a trigger needs a form and a type");
    }
    if (utf8::FindInvalid(entry.form) != std::string::npos) {
      return DataError(where + "the trigger is not valid UTF-8");
    }
    const std::string_view pos = table->Cell(row, "pos");
    if (pos != "" && pos != "noun" && pos != "verb") {
      return DataError(where + "pos must be noun or verb, not '" + std::string(pos) + "'");
    }
    entry.is_verb = pos == "verb";
    entry.lemma = std::string(table->Cell(row, "lemma"));
    if (entry.lemma.empty()) entry.lemma = entry.form;
    const std::string_view passive = table->Cell(row, "passive_patient");
    if (passive != "" && passive != "yes" && passive != "no") {
      return DataError(where + "passive_patient must be yes or no");
    }
    entry.transitive = passive == "yes";
    const std::string_view ro = table->Cell(row, "ro_role");
    if (ro != "" && ro != "role") return DataError(where + "ro_role must be role or empty");
    entry.ro_marks_role = ro == "role";
    if (impl->by_form.Contains(entry.form)) {
      return DataError(where + "the trigger '" + entry.form + "' is listed twice");
    }
    impl->max_form_bytes = std::max(impl->max_form_bytes, entry.form.size());
    impl->by_form[entry.form] = impl->entries.size();
    if (impl->form_bytes.size() <= entry.form.size())
      impl->form_bytes.resize(entry.form.size() + 1);
    impl->form_bytes[entry.form.size()] = true;
    impl->entries.push_back(std::move(entry));
  }
  return EventExtractor(std::move(impl));
}

// A token is a trigger when it starts with a trigger form followed by nothing, by what a verbal
// noun takes (particles, 하다/되다 forms) or, for a verb stem, by an ending. The longest form
// wins; 해임안 (a motion) or 투자자 (an investor) are not events.
std::optional<TriggerHit> EventExtractor::Impl::MatchToken(const Document& doc,
                                                           size_t index) const {
  if (auto hit = MatchAfter(doc, index, 0)) return hit;
  // A verbal noun under a prefix is the same event: 총파업, 재선출, 긴급체포, 공동창업.
  const std::string_view text = doc.Text(doc.tokens[index].span);
  for (std::string_view prefix : kTriggerPrefixes) {
    if (text.size() > prefix.size() && text.starts_with(prefix)) {
      auto hit = MatchAfter(doc, index, prefix.size());
      if (hit && !hit->entry->is_verb) return hit;
    }
  }
  return std::nullopt;
}

// MatchToken on the token's text after its first `skip` bytes; the hit spans the skipped part too.
std::optional<TriggerHit> EventExtractor::Impl::MatchAfter(const Document& doc, size_t index,
                                                           size_t skip) const {
  const Token& token = doc.tokens[index];
  const std::string_view text = doc.Text(token.span).substr(skip);
  if (text.empty()) return std::nullopt;
  // The forms the text starts with, cut at code point boundaries, as (length, entry): most
  // tokens start with none, so the list is rarely allocated.
  std::vector<std::pair<size_t, size_t>> forms;
  size_t pos = 0;
  while (pos < text.size() && pos < max_form_bytes) {
    utf8::Next(text, &pos);
    if (pos > max_form_bytes) break;
    if (!form_bytes[pos]) continue;
    if (const auto* form = by_form.Find(text.substr(0, pos))) forms.emplace_back(pos, form->value);
  }
  // The longest first.
  for (auto it = forms.rbegin(); it != forms.rend(); ++it) {
    const size_t len = it->first;
    const TriggerEntry& entry = entries[it->second];
    const std::string_view rest = text.substr(len);
    bool accept = false;
    if (entry.is_verb) {
      accept = rest.empty() || StartsWithAny(rest, kVerbEndingStarts);
    } else {
      accept = rest.empty() || StartsWithAny(rest, kNounPredicateStarts) ||
               ParseParticles(rest).has_value();
      // The tokenizer's split, when it made one, is trusted: 해임 + 과 (particle).
      if (!accept && token.parts.size() >= 2 &&
          token.parts[0].span.end - token.span.begin == skip + len) {
        const TokenTag next = token.parts[1].tag;
        accept = next == TokenTag::kParticle || next == TokenTag::kPredicate ||
                 next == TokenTag::kEnding;
      }
    }
    if (!accept) continue;
    TriggerHit hit;
    hit.token = index;
    hit.span = Span{token.span.begin, token.span.begin + static_cast<uint32_t>(skip + len)};
    hit.entry = &entry;
    hit.verbal = entry.is_verb || StartsWithAny(rest, kNounPredicateStarts);
    if (entry.transitive && !entry.is_verb) {
      hit.passive = StartsWithAny(rest, kPassiveStarts);
      // 해임 당했다, 해임 됐다: the passive verb written apart.
      if (!hit.passive && rest.empty() && index + 1 < doc.tokens.size() &&
          doc.tokens[index + 1].sentence == token.sentence) {
        const std::string_view next = doc.Text(doc.tokens[index + 1].span);
        hit.passive = next.starts_with("당하") || next.starts_with("당했") ||
                      next.starts_with("당한") || next.starts_with("당해") ||
                      next.starts_with("됐") || next.starts_with("되었") ||
                      next.starts_with("받았");
      }
    }
    return hit;
  }
  return std::nullopt;
}

namespace {

// Trimmed line bounds: is the sentence a whole line of the text (a list item or a heading)?
bool IsWholeLine(const Document& doc, const Sentence& sentence) {
  const std::string_view text = doc.text;
  size_t b = sentence.span.begin;
  while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) --b;
  if (b > 0 && text[b - 1] != '\n' && text[b - 1] != '\r') return false;
  size_t e = sentence.span.end;
  while (e < text.size() && (text[e] == ' ' || text[e] == '\t')) ++e;
  return e == text.size() || text[e] == '\n' || text[e] == '\r';
}

// The sentence's text without leading white space and bullets, and without trailing space.
std::string_view Body(const Document& doc, const Sentence& sentence, uint32_t* body_begin) {
  const std::string_view text = doc.Text(sentence.span);
  size_t start = 0;
  while (start < text.size()) {
    size_t pos = start;
    const char32_t c = utf8::Next(text, &pos);
    if (!utf8::IsSpace(c) && !IsBullet(c)) break;
    start = pos;
  }
  size_t end = text.size();
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\n' ||
                         text[end - 1] == '\r')) {
    --end;
  }
  if (body_begin != nullptr) *body_begin = sentence.span.begin + static_cast<uint32_t>(start);
  return text.substr(start, end - start);
}

bool EndsLikeProse(std::string_view body) {
  if (body.empty()) return false;
  size_t start = 0;
  const char32_t last = utf8::Prev(body, body.size(), &start);
  return last == '.' || last == '!' || last == '?' || last == 0x3002 || last == 0x2026;
}

// A heading that opens a new section: "2. 해임 사유", "02 OpenAI", "① ...", "[참고]", "# ...".
bool StartsWithSectionMarker(std::string_view body) {
  if (body.empty()) return false;
  size_t pos = 0;
  const char32_t first = utf8::Next(body, &pos);
  if ((first >= 0x2460 && first <= 0x24FF) || (first >= 0x2160 && first <= 0x217F) ||
      (first >= 0x2776 && first <= 0x2793) || first == '[' || first == '#' || first == 0x3010) {
    return true;
  }
  if (!utf8::IsAsciiDigit(first)) return false;
  size_t digits = 1;
  while (pos < body.size() && utf8::IsAsciiDigit(static_cast<unsigned char>(body[pos]))) {
    ++pos;
    ++digits;
  }
  if (digits > 3 || pos >= body.size()) return false;
  const char c = body[pos];
  return c == '.' || c == ')' || c == ' ';
}

// An event needs a real date: an expression with no value ("지난 19일" in a text that never says
// the month) is shown to the user but never dates an event or a heading's list.
bool HasValue(const TemporalExpression& d) {
  return d.resolved && d.anchor != Anchor::kNone && !d.implicit;
}

// The most (spreading name, later trigger) pairs one sentence tries: far above prose, where a
// sentence has a handful of triggers and topics, and low enough that a sentence of a hundred
// thousand names and triggers stays linear.
constexpr size_t kMaxSpreadPairs = size_t{1} << 16;
// The most events one sentence gives. Every event carries its sentence (the timeline and the
// graph print it), so a sentence of a million bytes with thousands of triggers would make output
// and work quadratic; the first events of it are kept. Prose stays far below: no sentence of the
// Wikinews corpus gives more than 8.
constexpr size_t kMaxEventsPerSentence = 16;

}  // namespace

// The date of an event: a date of its own sentence (the nearest before the trigger, else the
// nearest after), else, for a list item, the date of the dated line that heads its list.
std::optional<uint32_t> EventExtractor::Impl::DateFor(const Document& doc,
                                                      const DocumentIndex& index, uint32_t sentence,
                                                      SentenceDates* dates, Span trigger) const {
  if (!dates->built) {
    for (uint32_t i : index.DatesInside(doc.sentences[sentence].span)) {
      if (HasValue(doc.dates[i])) dates->by_end.push_back(i);
    }
    dates->by_begin = dates->by_end;
    std::sort(dates->by_end.begin(), dates->by_end.end(), [&](uint32_t a, uint32_t b) {
      return doc.dates[a].span.end != doc.dates[b].span.end
                 ? doc.dates[a].span.end < doc.dates[b].span.end
                 : a < b;
    });
    std::sort(dates->by_begin.begin(), dates->by_begin.end(), [&](uint32_t a, uint32_t b) {
      return doc.dates[a].span.begin != doc.dates[b].span.begin
                 ? doc.dates[a].span.begin < doc.dates[b].span.begin
                 : a < b;
    });
    dates->built = true;
  }
  // The nearest before the trigger: the latest end at or before its start, the first written of
  // those ending there.
  const auto end_of = [&](uint32_t i) { return doc.dates[i].span.end; };
  auto past = std::upper_bound(dates->by_end.begin(), dates->by_end.end(), trigger.begin,
                               [&](uint32_t b, uint32_t i) { return b < end_of(i); });
  if (past != dates->by_end.begin()) {
    const uint32_t latest = end_of(*std::prev(past));
    return *std::lower_bound(dates->by_end.begin(), past, latest,
                             [&](uint32_t i, uint32_t e) { return end_of(i) < e; });
  }
  // Else the nearest after: the earliest start at or after its end.
  auto next = std::lower_bound(dates->by_begin.begin(), dates->by_begin.end(), trigger.end,
                               [&](uint32_t i, uint32_t e) { return doc.dates[i].span.begin < e; });
  if (next != dates->by_begin.end()) return *next;

  // The list fallback depends on the sentence alone: every trigger of it shares one lookup.
  if (!dates->list_date) dates->list_date = ListDateFor(doc, index, sentence);
  return *dates->list_date;
}

std::optional<uint32_t> EventExtractor::Impl::ListDateFor(const Document& doc,
                                                          const DocumentIndex& index,
                                                          uint32_t sentence) const {
  // A list item: a whole line that does not read as prose, under a line that starts with a date
  // ("2023. 11. 17." or "11월 17일: ...") with only other list items between them.
  auto list_like = [&](uint32_t s) {
    const Sentence& sent = doc.sentences[s];
    if (sent.is_boilerplate || !IsWholeLine(doc, sent)) return false;
    // ※ opens a note about the item above, not an item of the dated list.
    std::string_view raw = doc.Text(sent.span);
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
    if (raw.starts_with("※")) return false;
    const std::string_view body = Body(doc, sent, nullptr);
    if (StartsWithSectionMarker(body)) return false;
    return sent.is_heading || !EndsLikeProse(body);
  };
  if (!list_like(sentence)) return std::nullopt;
  constexpr uint32_t kMaxItems = 40;
  for (uint32_t back = 1; back <= kMaxItems && back <= sentence; ++back) {
    const uint32_t s = sentence - back;
    const Sentence& sent = doc.sentences[s];
    if (sent.is_boilerplate || !IsWholeLine(doc, sent)) return std::nullopt;
    uint32_t body_begin = 0;
    const std::string_view body = Body(doc, sent, &body_begin);
    // Its first date, when the line starts with it.
    std::optional<uint32_t> first_date;
    uint32_t last_date_end = 0;
    for (uint32_t i : index.DatesInside(sent.span)) {
      const TemporalExpression& d = doc.dates[i];
      if (d.implicit) continue;
      if (!first_date || d.span.begin < doc.dates[*first_date].span.begin) first_date = i;
      last_date_end = std::max(last_date_end, d.span.end);
    }
    if (first_date) {
      const TemporalExpression& d = doc.dates[*first_date];
      const bool leads = d.span.begin == body_begin;
      const std::string_view tail =
          doc.Text(Span{std::min(last_date_end, body_begin + static_cast<uint32_t>(body.size())),
                        body_begin + static_cast<uint32_t>(body.size())});
      // "2023. 11. 17." ends with a period that belongs to the date; prose does not lead a list.
      bool tail_is_text = false;
      size_t pos = 0;
      while (pos < tail.size()) {
        const char32_t c = utf8::Next(tail, &pos);
        if (utf8::IsHangul(c) || utf8::IsAsciiAlpha(c) || utf8::IsHanja(c)) tail_is_text = true;
      }
      if (leads && HasValue(d) && (!tail_is_text || !EndsLikeProse(body))) {
        return *first_date;
      }
      return std::nullopt;
    }
    if (StartsWithSectionMarker(body)) return std::nullopt;
    if (!sent.is_heading && EndsLikeProse(body)) return std::nullopt;
  }
  return std::nullopt;
}

std::optional<uint32_t> EventExtractor::Impl::ExtractSentence(
    Document* doc, const DocumentIndex& index, uint32_t sentence, size_t first_token,
    size_t end_token, std::optional<uint32_t> previous_topic) const {
  const Document& d = *doc;
  const Span sspan = d.sentences[sentence].span;

  std::vector<TriggerHit> triggers;
  for (size_t t = first_token; t < end_token; ++t) {
    auto hit = MatchToken(d, t);
    if (!hit) continue;
    // A trigger word inside a name is the name: 승리 the singer, 인수위원회.
    if (!index.OverlapsMention(hit->span)) triggers.push_back(*hit);
  }
  if (triggers.empty()) return std::nullopt;
  // Triggers are in token order, one per token at most, so their tokens and spans rise.
  const auto first_trigger_from = [&](size_t token) {
    return static_cast<size_t>(
        std::lower_bound(triggers.begin(), triggers.end(), token,
                         [](const TriggerHit& h, size_t t) { return h.token < t; }) -
        triggers.begin());
  };

  // Token index of a byte offset inside the sentence (the token that contains it, or the first
  // after it).
  auto token_at = [&](uint32_t byte) {
    auto it = std::lower_bound(d.tokens.begin() + static_cast<std::ptrdiff_t>(first_token),
                               d.tokens.begin() + static_cast<std::ptrdiff_t>(end_token), byte,
                               [](const Token& tok, uint32_t b) { return tok.span.end <= b; });
    return static_cast<size_t>(it - d.tokens.begin());
  };
  auto trigger_at_token = [&](size_t token) -> std::optional<size_t> {
    const size_t i = first_trigger_from(token);
    if (i < triggers.size() && triggers[i].token == token) return i;
    return std::nullopt;
  };
  auto is_open = [&](size_t t) { return IsTokenText(d, d.tokens[t], "("); };
  auto is_close = [&](size_t t) { return IsTokenText(d, d.tokens[t], ")"); };
  auto is_comma = [&](size_t t) {
    return IsTokenText(d, d.tokens[t], ",") || IsTokenText(d, d.tokens[t], "，") ||
           IsTokenText(d, d.tokens[t], "、");
  };
  // Per token of the sentence: for "(", the token after its matching ")" (end_token when it has
  // none); and how many groups are open before it. One pass with a stack, so deep nesting costs
  // no more than flat text.
  const size_t sentence_tokens = end_token - first_token;
  std::vector<size_t> group_end(sentence_tokens, end_token);
  std::vector<uint32_t> depth_before(sentence_tokens + 1, 0);
  {
    std::vector<size_t> open_groups;
    uint32_t depth = 0;
    for (size_t t = first_token; t < end_token; ++t) {
      depth_before[t - first_token] = depth;
      if (is_open(t)) {
        open_groups.push_back(t);
        ++depth;
      } else if (is_close(t)) {
        if (!open_groups.empty()) {
          group_end[open_groups.back() - first_token] = t + 1;
          open_groups.pop_back();
        }
        if (depth > 0) --depth;
      }
    }
    depth_before[sentence_tokens] = depth;
  }
  // Skips a parenthesized group that starts at `t`; returns the token after ")".
  auto skip_group = [&](size_t t) { return group_end[t - first_token]; };

  // The case after byte `from` inside token `t` (from = the token's start for a whole token).
  auto case_in_token = [&](size_t t, uint32_t from) -> std::optional<Case> {
    const Token& tok = d.tokens[t];
    if (!tok.parts.empty()) {
      size_t i = 0;
      while (i < tok.parts.size() && tok.parts[i].span.begin < from) ++i;
      const bool aligned = i == tok.parts.size() || tok.parts[i].span.begin == from;
      if (aligned) {
        if (i == tok.parts.size()) return Case::kNone;
        if (tok.parts[i].tag == TokenTag::kParticle) {
          if (auto c = ParseParticles(d.Text(Span{tok.parts[i].span.begin, tok.span.end}))) {
            return c;
          }
          return Case::kOther;
        }
      }
    }
    return SurfaceCase(d.Text(Span{from, tok.span.end}));
  };

  // Mentions of actors in this sentence, outside parentheses (a gloss or an alias).
  struct MentionInfo {
    size_t mention = 0;
    size_t first_token = 0;
    size_t last_token = 0;
    Case particle_case = Case::kNone;
    bool comma_after = false;
    size_t next_token = 0;  // the token after the name and its particle
  };
  std::vector<MentionInfo> mentions;
  for (const size_t m : index.MentionsInside(sspan)) {
    const Mention& mention = d.mentions[m];
    if (mention.span.empty()) continue;
    if (mention.entity >= d.entities.size() || !IsActorType(d.entities[mention.entity].type)) {
      continue;
    }
    MentionInfo info;
    info.mention = m;
    info.first_token = token_at(mention.span.begin);
    info.last_token = token_at(mention.span.end - 1);
    if (info.last_token >= end_token) continue;
    if (depth_before[info.first_token - first_token] > 0) continue;
    // Trigger spans are disjoint and rise: only the first ending after the mention starts can
    // overlap it.
    const auto hit =
        std::upper_bound(triggers.begin(), triggers.end(), mention.span.begin,
                         [](uint32_t begin, const TriggerHit& h) { return begin < h.span.end; });
    if (hit != triggers.end() && hit->span.begin < mention.span.end) continue;
    // The reporter of a byline (정하은 기자 =, 오세진 특파원) writes the story and takes no part in
    // its events.
    if (const size_t after_name = info.last_token + 1; after_name < end_token) {
      const std::string_view title = d.Text(d.tokens[after_name].head());
      if (title == "기자" || title == "특파원" || title == "통신원") continue;
    }
    const Token& last = d.tokens[info.last_token];
    std::optional<Case> c = Case::kNone;
    size_t next = info.last_token + 1;
    if (mention.span.end < last.span.end) {
      c = case_in_token(info.last_token, mention.span.end);
      // 오픈AI이사회는: a name inside a compound takes the compound's particle.
      if (!c) c = TailCase(d.Text(Span{mention.span.end, last.span.end}));
    } else {
      // The particle may follow a gloss: 샘 알트먼(Sam Altman)의.
      uint32_t end = mention.span.end;
      if (next < end_token && is_open(next) && d.tokens[next].span.begin == end) {
        const size_t after = skip_group(next);
        if (after > next) end = d.tokens[after - 1].span.end;
        next = after;
      }
      if (next < end_token && d.tokens[next].span.begin == end &&
          !IsSymbolToken(d, d.tokens[next])) {
        // A particle written as its own token.
        c = case_in_token(next, d.tokens[next].span.begin);
        if (c && *c != Case::kNone)
          ++next;
        else
          c = Case::kNone;
      }
    }
    info.particle_case = c.value_or(Case::kNone);
    info.next_token = next;
    info.comma_after = info.particle_case == Case::kNone && next < end_token && is_comma(next);
    mentions.push_back(info);
  }
  // Korean drops a subject the discourse already has: a sentence that names no actor goes on
  // about the topic of the sentence before (오바마는 ... 승리하였다. 2008년 11월 4일, 대통령에
  // 당선되었다.), and keeps it for the next.
  // Only when the sentence has no subject of its own, named or not (팻 퀸 주지사는, 노조원 전원이).
  auto has_own_subject = [&] {
    for (size_t t = first_token; t < end_token; ++t) {
      const Token& tok = d.tokens[t];
      if (tok.parts.size() < 2 || tok.parts.back().tag != TokenTag::kParticle) continue;
      if (tok.parts.front().tag == TokenTag::kPredicate) continue;
      const auto c = ParseParticles(d.Text(tok.parts.back().span));
      if (c == Case::kNominative || c == Case::kTopic) return true;
    }
    return false;
  };
  if (mentions.empty() && (!previous_topic || has_own_subject())) return std::nullopt;
  std::optional<uint32_t> topic = mentions.empty() ? previous_topic : std::nullopt;
  if (!mentions.empty() && mentions[0].particle_case == Case::kTopic) {
    size_t t = first_token;
    while (t < mentions[0].first_token && IsSymbolToken(d, d.tokens[t])) ++t;
    if (t == mentions[0].first_token) topic = static_cast<uint32_t>(mentions[0].mention);
  }

  auto next_trigger_from = [&](size_t token) -> std::optional<size_t> {
    const size_t i = first_trigger_from(token);
    if (i < triggers.size()) return i;
    return std::nullopt;
  };
  auto prev_trigger_before = [&](size_t token) -> std::optional<size_t> {
    const size_t i = first_trigger_from(token);
    if (i > 0) return i - 1;
    return std::nullopt;
  };
  auto is_person = [&](const MentionInfo& m) {
    return d.entities[d.mentions[m.mention].entity].type == EntityType::kPerson;
  };
  // A person title, bare or with its particles (대표, 대표가, CEO는), or a title of two syllables
  // or more glued to the place or body it serves (부산시장이, 경기도지사는, 검찰총장).
  auto is_title = [&](size_t t) {
    if (t >= end_token) return false;
    const std::string_view word = d.Text(d.tokens[t].span);
    auto names_title = [&](std::string_view head) {
      if (titles.contains(std::string(head))) return true;
      size_t start = 0;
      for (int syllables = 0; syllables < 3 && start < head.size(); ++syllables) {
        utf8::Next(head, &start);
        const std::string_view title = head.substr(start);
        if (title.size() >= 6 && titles.contains(std::string(title))) return true;
      }
      return false;
    };
    for (size_t cut = word.size(); cut > 0;) {
      if ((cut == word.size() || ParseParticles(word.substr(cut)).has_value()) &&
          names_title(word.substr(0, cut))) {
        return true;
      }
      if (word.size() - cut >= 9) break;  // particles are at most three syllables
      utf8::Prev(word, cut, &cut);
    }
    return false;
  };
  // Per token of the sentence: the first mention starting there, and whether a bare person name
  // (no particle) ends right before it.
  constexpr size_t kNoMention = static_cast<size_t>(-1);
  std::vector<size_t> mention_at(sentence_tokens, kNoMention);
  std::vector<bool> bare_person_before(sentence_tokens + 1, false);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const MentionInfo& m = mentions[i];
    if (mention_at[m.first_token - first_token] == kNoMention) {
      mention_at[m.first_token - first_token] = i;
    }
    if (m.particle_case == Case::kNone && is_person(m)) {
      bare_person_before[m.last_token + 1 - first_token] = true;
    }
  }
  auto mention_starting_at = [&](size_t token) -> std::optional<size_t> {
    if (token < first_token || token >= end_token) return std::nullopt;
    const size_t i = mention_at[token - first_token];
    if (i == kNoMention) return std::nullopt;
    return i;
  };
  // The trigger that heads the noun phrase starting at token t, for a genitive before it:
  // 알트먼의 [해임]과 복귀, 브록먼의 [마이크로소프트 합류] 발표. When the first verbal noun is
  // intransitive and a person stands bare before it, that person is its subject and the
  // genitive belongs to the next one: 직원들의 [알트먼 복귀 요청].
  auto head_trigger_of_phrase = [&](size_t t) -> std::optional<size_t> {
    std::vector<size_t> run;
    while (t < end_token) {
      if (is_open(t)) {
        t = skip_group(t);
        continue;
      }
      if (IsSymbolToken(d, d.tokens[t])) break;
      if (auto trig = trigger_at_token(t)) {
        run.push_back(*trig);
        const std::string_view rest = d.Text(Span{triggers[*trig].span.end, d.tokens[t].span.end});
        if (!rest.empty()) break;  // 해임과, 해임했다: the phrase ends here
        ++t;
        continue;
      }
      const Case c = TailCase(d.Text(d.tokens[t].span));
      // 샘 알트먼과 그렉 브록먼 복귀: a conjunction keeps the phrase going.
      if (c != Case::kNone && c != Case::kConjunctive) break;
      ++t;
    }
    if (run.empty()) return std::nullopt;
    for (size_t i = 0; i + 1 < run.size(); ++i) {
      const TriggerHit& hit = triggers[run[i]];
      if (hit.entry->transitive) return run[i];
      if (!bare_person_before[hit.token - first_token]) return run[i];
    }
    return run.back();
  };

  // Case → relation, and which trigger the name belongs to.
  std::vector<Attachment> attachments;
  std::vector<bool> spreads;  // topics and list-item commas reach later triggers too
  auto attach = [&](size_t mi, Relation relation, std::optional<size_t> trigger, bool spread) {
    if (!trigger) return;
    attachments.push_back(Attachment{mentions[mi].mention, relation, *trigger});
    spreads.push_back(spread);
  };

  // Per token from the sentence's first: the first adnominal predicate at or after it
  // (end_token when none), so a relative clause is found without walking to the trigger.
  std::vector<size_t> next_adnominal;
  auto adnominal_between = [&](size_t from, size_t to) {
    if (next_adnominal.empty()) {
      next_adnominal.assign(sentence_tokens + 1, end_token);
      for (size_t t = end_token; t-- > first_token;) {
        next_adnominal[t - first_token] =
            IsAdnominalPredicate(d, d.tokens[t]) ? t : next_adnominal[t + 1 - first_token];
      }
    }
    return from < to && next_adnominal[from - first_token] < to;
  };

  // Resolves mention `mi` as if it stood where `info` says; `depth` bounds the chains of
  // conjunctions (A와 B와 C의 ...) and of noun phrases.
  std::function<void(size_t, MentionInfo, int)> resolve;
  resolve = [&](size_t mi, MentionInfo info, int depth) {
    const size_t after = info.next_token;
    auto following = [&]() {
      auto t = next_trigger_from(after);
      return t ? t : prev_trigger_before(info.first_token);
    };
    // 오픈AI가 운영하는 서비스는 ... 출시되었다: an argument before an adnominal predicate
    // belongs to that relative clause, not to the trigger after it.
    auto in_clause = [&]() -> std::optional<size_t> {
      auto t = next_trigger_from(after);
      if (!t) return prev_trigger_before(info.first_token);
      if (adnominal_between(after, triggers[*t].token)) return std::nullopt;
      return t;
    };
    switch (info.particle_case) {
      case Case::kNominative:
        attach(mi, Relation::kSubject, in_clause(), false);
        return;
      case Case::kTopic:
        attach(mi, Relation::kTopic,
               next_trigger_from(after) ? std::optional<size_t>(triggers.size() - 1)
                                        : prev_trigger_before(info.first_token),
               true);
        return;
      case Case::kAccusative:
        attach(mi, Relation::kObject, in_clause(), false);
        return;
      case Case::kDative:
        attach(mi, Relation::kRecipient, in_clause(), false);
        return;
      case Case::kGenitive: {
        auto head = head_trigger_of_phrase(after);
        if (!head) head = following();
        // 알트먼의 해임: next to the verbal noun, its patient; 이사회의 알트먼 해임, 오픈AI의 새
        // 모델 출시: with the object between them, the agent.
        const bool adjacent = head && triggers[*head].token == after;
        attach(mi, adjacent ? Relation::kGenitive : Relation::kGenitiveDistant, head, false);
        return;
      }
      case Case::kLocative: {
        const bool org =
            d.entities[d.mentions[mentions[mi].mention].entity].type == EntityType::kOrg;
        attach(mi, org ? Relation::kOrgLocative : Relation::kOther, following(), false);
        return;
      }
      case Case::kInstrumental:
        attach(mi, Relation::kInstrumental, following(), false);
        return;
      case Case::kComitative:
        attach(mi, Relation::kComitative, following(), false);
        return;
      case Case::kConjunctive: {
        // A와 B의 ...: A shares B's relation; A와 (함께) 회담: with whom.
        if (depth < 4 && after < end_token) {
          if (auto next = mention_starting_at(after)) {
            resolve(mi, mentions[*next], depth + 1);
            return;
          }
          // 알트먼과 이사회는: coordinated with a noun that is no actor, A takes its case; not
          // before 함께 or 같이 ("together"), whose 께 and 이 are no particles.
          const std::string_view next_word = d.Text(d.tokens[after].span);
          const bool together = next_word == "함께" || next_word == "같이";
          if (!together && !trigger_at_token(after) && !IsSymbolToken(d, d.tokens[after])) {
            const Case c = TailCase(d.Text(d.tokens[after].span));
            if (c != Case::kNone && c != Case::kOther && c != Case::kAdverbial) {
              MentionInfo proxy = info;
              proxy.particle_case = c;
              proxy.next_token = after + 1;
              proxy.comma_after = false;
              resolve(mi, proxy, depth + 1);
              return;
            }
          }
        }
        attach(mi, Relation::kComitative, following(), false);
        return;
      }
      case Case::kAdverbial: {
        // 이사회에 의해 해임: the agent of a passive.
        if (after < end_token && d.Text(d.tokens[after].span).starts_with("의")) {
          const std::string_view w = d.Text(d.tokens[after].span);
          if (w.starts_with("의해") || w.starts_with("의하")) {
            attach(mi, Relation::kByAgent, following(), false);
            return;
          }
        }
        attach(mi, Relation::kOther, following(), false);
        return;
      }
      case Case::kOther:
        attach(mi, Relation::kOther, following(), false);
        return;
      case Case::kNone:
        break;
    }
    // A bare name: what follows it decides (a trigger, a comma, more nouns and then a particle).
    if (info.comma_after) {
      attach(mi, Relation::kListHead, triggers.size() - 1, true);
      return;
    }
    size_t t = after;
    for (int hops = 0; t < end_token && hops < 4; ++hops) {
      if (is_open(t)) {
        t = skip_group(t);
        continue;
      }
      if (auto trig = trigger_at_token(t)) {
        attach(mi, Relation::kBareBefore, trig, false);
        return;
      }
      if (is_comma(t)) {
        attach(mi, Relation::kListHead, triggers.size() - 1, true);
        return;
      }
      if (IsSymbolToken(d, d.tokens[t])) break;
      if (auto other = mention_starting_at(t)) {
        const size_t after_other = mentions[*other].last_token + 1;
        if (is_person(info) && !is_person(mentions[*other]) && is_title(after_other)) {
          t = after_other;
          continue;
        }
        break;  // a modifier
      }
      if (const Case c = TailCase(d.Text(d.tokens[t].span)); c != Case::kNone) {
        if (!is_person(info) && is_title(t) &&
            (c == Case::kNominative || c == Case::kTopic || c == Case::kAccusative ||
             c == Case::kDative)) {
          // 오픈AI CEO가: the person with the title acts, the organization only names the post
          // (but in 한빛전자 대표로 임명 it is the post taken, which the instrumental case reads).
          break;
        }
        // 오픈AI 이사회가: the organization's board acts, so does the name.
        // 오픈AI 투자자들과 직원들의, 오픈AI 경영진들과 알트먼과의: a coordination goes on.
        if (depth < 4) {
          MentionInfo proxy = info;
          proxy.particle_case = c;
          proxy.next_token = t + 1;
          proxy.comma_after = false;
          resolve(mi, proxy, depth + 1);
          return;
        }
        break;
      }
      ++t;
    }
    auto trig = next_trigger_from(after);
    attach(mi, Relation::kOther, trig ? trig : prev_trigger_before(info.first_token), false);
  };
  for (size_t mi = 0; mi < mentions.size(); ++mi) resolve(mi, mentions[mi], 0);

  // Triggers whose subject is given by a genitive (브록먼의 마이크로소프트 합류) make the bare
  // noun before them a participant rather than the subject.
  std::vector<bool> has_genitive(triggers.size(), false);
  for (const Attachment& a : attachments) {
    if (a.relation == Relation::kGenitive || a.relation == Relation::kGenitiveDistant) {
      has_genitive[a.trigger] = true;
    }
  }

  std::vector<bool> has_subject(triggers.size(), false);
  for (const Attachment& a : attachments) {
    if (a.relation == Relation::kSubject || a.relation == Relation::kTopic ||
        a.relation == Relation::kListHead || a.relation == Relation::kOrgLocative ||
        a.relation == Relation::kByAgent) {
      has_subject[a.trigger] = true;
    }
  }
  std::vector<bool> has_patient(triggers.size(), false);
  for (const Attachment& a : attachments) {
    const bool transitive = triggers[a.trigger].entry->transitive;
    if (a.relation == Relation::kObject || (a.relation == Relation::kBareBefore && transitive) ||
        (a.relation == Relation::kGenitive && transitive)) {
      has_patient[a.trigger] = true;
    }
  }
  auto role_of = [&](const Attachment& a, size_t trigger) -> Role {
    const TriggerHit& hit = triggers[trigger];
    const TriggerEntry& e = *hit.entry;
    switch (a.relation) {
      case Relation::kSubject:
        return hit.passive ? Role::kPatient : Role::kAgent;
      case Relation::kTopic:
        return hit.passive ? Role::kPatient : Role::kAgent;
      case Relation::kListHead:
        // "샘 알트먼, 해임 후": a person topic of a bare transitive noun with no object is the
        // one it happened to, as headlines write it; "이사회, 알트먼 해임" keeps its agent.
        if (!hit.passive && !hit.verbal && e.transitive && !has_patient[trigger] &&
            d.entities[d.mentions[a.mention].entity].type == EntityType::kPerson) {
          return Role::kPatient;
        }
        return hit.passive ? Role::kPatient : Role::kAgent;
      case Relation::kObject:
        return Role::kPatient;
      case Relation::kRecipient:
        return Role::kRecipient;
      case Relation::kGenitive:
        return e.transitive ? Role::kPatient : Role::kAgent;
      case Relation::kGenitiveDistant:
        return Role::kAgent;
      case Relation::kBareBefore:
        if (e.transitive) return Role::kPatient;
        // 알트먼 복귀: the subject; 알트먼은 오픈AI 복귀, 브록먼의 마이크로소프트 합류: where to.
        return has_genitive[trigger] || has_subject[trigger] ? Role::kParticipant : Role::kAgent;
      case Relation::kOrgLocative:
      case Relation::kByAgent:
        return Role::kAgent;
      case Relation::kInstrumental:
        return e.ro_marks_role ? Role::kRoleTaken : Role::kParticipant;
      case Relation::kComitative:
        return Role::kCoActor;
      case Relation::kOther:
        return Role::kParticipant;
    }
    return Role::kParticipant;
  };
  auto fills_subject = [&](const Attachment& a, size_t trigger) {
    switch (a.relation) {
      case Relation::kSubject:
      case Relation::kTopic:
      case Relation::kListHead:
      case Relation::kOrgLocative:
      case Relation::kByAgent:
        return true;
      case Relation::kGenitive:
      case Relation::kGenitiveDistant:
      case Relation::kBareBefore:
        return role_of(a, trigger) == Role::kAgent;
      default:
        return false;
    }
  };

  // Per trigger: entity → (role, mention span).
  std::vector<std::map<uint32_t, EventActor>> actors(triggers.size());
  auto add_actor = [&](size_t trigger, const Attachment& a) {
    const Mention& mention = d.mentions[a.mention];
    EventActor actor{mention.entity, role_of(a, trigger), mention.span};
    auto [it, inserted] = actors[trigger].emplace(mention.entity, actor);
    if (!inserted && RolePriority(actor.role) < RolePriority(it->second.role)) it->second = actor;
  };
  for (const Attachment& a : attachments) add_actor(a.trigger, a);
  // A topic or a list item's leading name is the subject of every later trigger that has none:
  // 샘 알트먼은 해임된 뒤 복귀했다; 오픈AI 이사회, 앤드로픽 합병 추진.
  std::vector<bool> subject_filled(triggers.size(), false);
  for (const Attachment& a : attachments) {
    if (fills_subject(a, a.trigger)) subject_filled[a.trigger] = true;
  }
  // Spreading pairs every such name with every later trigger. A sentence of prose has a few of
  // each; one of thousands (a generated or garbled text) would make that quadratic, so the pairs
  // tried per sentence are limited and the names past the limit stay with their own trigger.
  size_t spread_pairs = 0;
  for (size_t i = 0; i < attachments.size() && spread_pairs < kMaxSpreadPairs; ++i) {
    if (!spreads[i]) continue;
    const Attachment& a = attachments[i];
    const Span at = d.mentions[a.mention].span;
    for (size_t t = 0; t < triggers.size(); ++t) {
      if (t == a.trigger || subject_filled[t] || triggers[t].span.begin < at.end) continue;
      add_actor(t, a);
    }
    spread_pairs += triggers.size();
  }

  // The carried topic is the subject of what this sentence tells with a verb (a bare noun in a
  // sentence with no actor is a heading's or a list's, not the topic's).
  if (mentions.empty()) {
    const Mention& mention = d.mentions[*previous_topic];
    for (size_t t = 0; t < triggers.size(); ++t) {
      if (!triggers[t].verbal) continue;
      const Role role = triggers[t].passive ? Role::kPatient : Role::kAgent;
      actors[t].emplace(mention.entity, EventActor{mention.entity, role, mention.span});
    }
  }

  SentenceDates dates;
  size_t events = 0;
  for (size_t t = 0; t < triggers.size() && events < kMaxEventsPerSentence; ++t) {
    if (actors[t].empty()) continue;
    const Realis realis = ReadRealis(d, triggers[t].token, end_token);
    auto date = DateFor(d, index, sentence, &dates, triggers[t].span);
    if (!date && realis == Realis::kActual) date = DocumentDateFor(doc, sentence, triggers[t].span);
    if (!date) continue;
    Event event;
    event.sentence = sentence;
    event.trigger = triggers[t].span;
    event.type = triggers[t].entry->type;
    event.trigger_lemma = triggers[t].entry->lemma;
    event.realis = realis;
    event.date = *date;
    for (const auto& [entity, actor] : actors[t]) event.actors.push_back(actor);
    std::sort(
        event.actors.begin(), event.actors.end(), [](const EventActor& a, const EventActor& b) {
          return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.entity < b.entity;
        });
    doc->events.push_back(std::move(event));
    ++events;
  }
  return topic;
}

void EventExtractor::Extract(Document* doc) const {
  doc->events.clear();
  const DocumentIndex index(*doc);
  std::optional<uint32_t> topic;  // the mention the last sentences are about
  size_t t = 0;
  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Span sspan = doc->sentences[s].span;
    while (t < doc->tokens.size() && doc->tokens[t].span.end <= sspan.begin) ++t;
    size_t end = t;
    while (end < doc->tokens.size() && doc->tokens[end].span.begin < sspan.end) ++end;
    if (doc->sentences[s].is_boilerplate || doc->sentences[s].is_heading) {
      topic.reset();  // a topic does not carry across a heading or boilerplate
    }
    if (!doc->sentences[s].is_boilerplate && end > t) {
      topic = impl_->ExtractSentence(doc, index, s, t, end, topic);
    }
    t = end;
  }
}

}  // namespace sageon
