// Document: everything sageon knows about one input text, filled stage by stage by the pipeline.
// Plain data: the stages own the logic, the Document only holds their results.
//
// Offsets: every Span is [begin, end) in UTF-8 bytes of `text`, the normalized text.
// `text_to_original` maps each byte offset of `text` (0..text.size()) to a byte offset of
// `original`, so any span can be shown as it was written; the CLI prints Unicode code point offsets
// into `original`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sageon/base/civil_time.h"

namespace sageon {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// ---------------------------------------------------------------- sentences
struct Sentence {
  Span span;
  // A short line that ends without punctuation and heads what follows (a blog heading or a dated
  // heading such as "2023. 11. 17."): the event stage dates the list items under it.
  bool is_heading = false;
  // A line that is not the post's body: a list of other posts, share buttons, a comment section.
  bool is_boilerplate = false;
};

// ---------------------------------------------------------------- tokens
enum class TokenTag {
  kNoun,        // a common noun or a noun stem
  kProperNoun,  // a proper-noun candidate (a name, an organization, a foreign word in Hangul)
  kPredicate,   // a verb or adjective stem (해임되 in 해임되었다 is noun + predicate)
  kParticle,    // josa: 의, 와의, 에서, 으로부터 ...
  kEnding,      // eomi: 었다, 습니다, 는 ...
  kNumber,      // digits, with a counter or unit when one is attached (2023년 → 2023 + 년)
  kForeign,     // Latin script (OpenAI, GPT-4)
  kHanja,
  kSymbol,  // punctuation and symbols
  kOther,
};
std::string_view TokenTagName(TokenTag tag);

struct Morph {
  Span span;
  TokenTag tag = TokenTag::kOther;
};

// An eojeol (a space-separated word, as ICU's word breaks give it) or a punctuation mark. An eojeol
// that splits (알트먼의 → 알트먼 + 의) keeps its parts; `parts` is empty when it does not split.
struct Token {
  Span span;
  TokenTag tag = TokenTag::kOther;  // the tag of the head (first) part
  std::vector<Morph> parts;
  std::string lemma;  // for predicates, the dictionary form (해임되었다 → 해임되다); else empty
  uint32_t sentence = 0;

  // The head of the token: its first part, or the whole token.
  Span head() const { return parts.empty() ? span : parts.front().span; }
};

// ---------------------------------------------------------------- entities
enum class EntityType { kPerson, kOrg, kLoc, kProduct, kEvent };
std::string_view EntityTypeName(EntityType type);  // "PERSON", "ORG", "LOC", "PRODUCT", "EVENT"
std::string_view EntityKindName(EntityType type);  // "person", "org", "loc", "product", "event"
std::optional<EntityType> ParseEntityType(std::string_view name);
// People, organizations and products act in events; places and named events do not.
bool IsActorType(EntityType type);

// One actor of a document: all its mentions share it. `id` is canonical and stable across
// documents ("person:샘알트먼"), so the graph merges the same actor told by many documents.
struct Entity {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;                  // canonical name
  std::vector<std::string> aliases;  // other names it is written as (Sam Altman, 알트먼)
  uint32_t mention_count = 0;
};

struct Mention {
  Span span;            // the name only, particles excluded
  uint32_t entity = 0;  // index into Document::entities
};

// ---------------------------------------------------------------- dates
// A time value cut at its grain, with an optional modifier (START, MID, END, APPROX).
struct TimeValue {
  DateTime time;
  Grain grain = Grain::kDay;
  std::string mod;
  std::string Iso() const { return FormatIso(time, grain); }
};

enum class Anchor { kAbsolute, kDocument, kPreviousMention, kNone };
std::string_view AnchorName(Anchor anchor);  // "absolute", "document", "previous", "none"

struct TemporalExpression {
  Span span;
  bool is_time = false;      // TIME (has an hour) rather than DATE
  bool is_interval = false;  // from/to (both inclusive) rather than value
  TimeValue value;           // when !is_interval
  std::optional<TimeValue> from, to;
  Anchor anchor = Anchor::kAbsolute;
  uint32_t sentence = 0;
  // A range told as two expressions joined by particles ("9월 23일부터 10월 7일까지"): where each
  // end is written, as named-entity annotators tag them apart. Empty for one written as one
  // ("17~22일", "오전 10시~오후 5시").
  Span from_span, to_span;
  // false = the expression was recognized ("지난 19일", "오후 3시", "어제") but no reference or
  // anchor exists to give it a value: value/from/to are then meaningless (only their grain, and
  // which of from/to an interval has, say what it would be) and anchor is Anchor::kNone. Users
  // still see the span; nothing that needs a date (events, timelines) may use it.
  bool resolved = true;
  // Not written in the text: the document's own date, added by the event stage for an event
  // that the lead of a news article tells without a date (news of the day). Its span is empty, at
  // the start of the event's sentence; the dates and entities stages do not list it.
  bool implicit = false;
};

// A length of time ("사흘", "2시간 30분", "10년간"): no point on the timeline, but a temporal
// expression that users and named-entity annotators count (KLUE tags it DATE or TIME).
struct DurationExpression {
  Span span;
  bool is_time = false;  // counted in hours, minutes or seconds
  std::string value;     // ISO 8601: P3D, PT2H30M, P1Y6M
  uint32_t sentence = 0;
};

// ---------------------------------------------------------------- events
enum class Role { kAgent, kPatient, kRecipient, kRoleTaken, kCoActor, kParticipant };
// "agent", "patient", "recipient", "role", "co-actor", "participant"
std::string_view RoleName(Role role);
// Lower is more specific: when one actor is told with two roles in an event, the lower one wins.
int RolePriority(Role role);

struct EventActor {
  uint32_t entity = 0;  // index into Document::entities
  Role role = Role::kParticipant;
  Span span;  // the mention that put it in the event
};

// Whether the event took place as told: a negated (해임하지 않았다), planned (해임할 예정이다,
// 해임하기로 했다, 하겠다) or possible one (해임할 수도 있다, 해임한다면) is kept, and marked.
enum class Realis { kActual, kNegated, kPlanned, kPossible };
std::string_view RealisName(Realis realis);  // "actual", "negated", "planned", "possible"

struct Event {
  uint32_t sentence = 0;  // index into Document::sentences
  Span trigger;
  std::string type;  // from the trigger lexicon: dismissal, appointment, return, ...
  std::string trigger_lemma;
  uint32_t date = 0;               // index into Document::dates (every event has a date)
  std::vector<EventActor> actors;  // at least one
  Realis realis = Realis::kActual;
};

// ---------------------------------------------------------------- the document
struct Document {
  std::string id;
  std::string title;
  std::string url;
  std::string source;  // the file it came from, for messages ("a.jsonl:12")

  std::string original;                    // as read, valid UTF-8
  std::string text;                        // normalized
  std::vector<uint32_t> text_to_original;  // size text.size() + 1

  // The reference for relative dates: the document's date, --doc-date, or inferred from the text.
  std::optional<DateTime> reference;
  bool reference_inferred = false;

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<TemporalExpression> dates;
  std::vector<DurationExpression> durations;
  std::vector<Entity> entities;
  std::vector<Mention> mentions;
  std::vector<Event> events;

  std::string_view Text(Span span) const {
    return std::string_view(text).substr(span.begin, span.size());
  }
  // The span as written in `original`.
  Span ToOriginal(Span span) const {
    return Span{text_to_original[span.begin], text_to_original[span.end]};
  }
  std::string_view OriginalText(Span span) const {
    const Span o = ToOriginal(span);
    return std::string_view(original).substr(o.begin, o.size());
  }
};

}  // namespace sageon
