#include "sageon/export/stage_records.h"

#include <algorithm>
#include <optional>

#include "sageon/base/utf8.h"

namespace sageon {

using nlohmann::json;

CodePointOffsets::CodePointOffsets(const Document& doc)
    : doc_(doc), original_byte_to_cp_(utf8::ByteToCodePointTable(doc.original)) {}

uint32_t CodePointOffsets::Begin(Span span) const {
  return original_byte_to_cp_[doc_.text_to_original[span.begin]];
}

uint32_t CodePointOffsets::End(Span span) const {
  return original_byte_to_cp_[doc_.text_to_original[span.end]];
}

namespace {
json SpanRecord(const Document& doc, const CodePointOffsets& cp, Span span) {
  return json{{"doc", doc.id},
              {"start", cp.Begin(span)},
              {"end", cp.End(span)},
              {"text", std::string(doc.OriginalText(span))}};
}
}  // namespace

json TimeValueJson(const TimeValue& value) {
  json out{{"value", value.Iso()}, {"grain", GrainName(value.grain)}};
  if (!value.mod.empty()) out["mod"] = value.mod;
  return out;
}

namespace {
// An end of an unresolved expression: its grain without a value. A missing end stays null, as
// for a resolved open interval ("2015년 이후").
json EndJson(const TemporalExpression& date, const std::optional<TimeValue>& end) {
  if (!end) return json(nullptr);
  json out = TimeValueJson(*end);
  if (!date.resolved) out["value"] = nullptr;
  return out;
}
}  // namespace

json DateJson(const TemporalExpression& date) {
  // An unresolved expression has no date to give (see TemporalExpression::resolved).
  if (!date.resolved) return json(nullptr);
  if (!date.is_interval) return TimeValueJson(date.value);
  json out{{"type", "interval"}};
  out["from"] = EndJson(date, date.from);
  out["to"] = EndJson(date, date.to);
  return out;
}

std::vector<json> SentenceRecords(const Document& doc) {
  const CodePointOffsets cp(doc);
  std::vector<json> out;
  out.reserve(doc.sentences.size());
  for (const Sentence& s : doc.sentences) {
    json r = SpanRecord(doc, cp, s.span);
    if (s.is_heading) r["heading"] = true;
    if (s.is_boilerplate) r["boilerplate"] = true;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<json> TokenRecords(const Document& doc) {
  const CodePointOffsets cp(doc);
  std::vector<json> out;
  out.reserve(doc.tokens.size());
  for (const Token& t : doc.tokens) {
    json r = SpanRecord(doc, cp, t.span);
    r["surface"] = r["text"];
    r.erase("text");
    r["tag"] = TokenTagName(t.tag);
    r["sentence"] = t.sentence;
    if (!t.lemma.empty()) r["lemma"] = t.lemma;
    if (t.parts.size() > 1) {
      json parts = json::array();
      for (const Morph& m : t.parts) {
        parts.push_back(json{{"start", cp.Begin(m.span)},
                             {"end", cp.End(m.span)},
                             {"surface", std::string(doc.OriginalText(m.span))},
                             {"tag", TokenTagName(m.tag)}});
      }
      r["parts"] = std::move(parts);
    }
    out.push_back(std::move(r));
  }
  return out;
}

// Records in the order their spans start in the text (the longer first when two start together).
std::vector<json> InTextOrder(std::vector<std::pair<Span, json>> records) {
  std::stable_sort(records.begin(), records.end(), [](const auto& a, const auto& b) {
    return a.first.begin != b.first.begin ? a.first.begin < b.first.begin
                                          : a.first.end < b.first.end;
  });
  std::vector<json> out;
  out.reserve(records.size());
  for (auto& [span, r] : records) out.push_back(std::move(r));
  return out;
}

std::vector<json> DateRecords(const Document& doc) {
  const CodePointOffsets cp(doc);
  std::vector<std::pair<Span, json>> records;
  records.reserve(doc.dates.size() + doc.durations.size());
  for (const TemporalExpression& d : doc.dates) {
    if (d.implicit) continue;  // not in the text (an event's date taken from the document)
    json r = SpanRecord(doc, cp, d.span);
    r["kind"] = d.is_time ? "TIME" : "DATE";
    if (d.is_interval) {
      r["type"] = "interval";
      r["from"] = EndJson(d, d.from);
      r["to"] = EndJson(d, d.to);
    } else {
      r["type"] = "value";
      r["value"] = d.resolved ? json(d.value.Iso()) : json(nullptr);
      r["grain"] = GrainName(d.value.grain);
      if (!d.value.mod.empty()) r["mod"] = d.value.mod;
    }
    r["anchor"] = AnchorName(d.anchor);
    // Printed only when false, so the records of resolved expressions keep their shape.
    if (!d.resolved) r["resolved"] = false;
    if (doc.reference) {
      r["reference"] = FormatIso(*doc.reference, Grain::kSecond);
      r["reference_inferred"] = doc.reference_inferred;
    }
    records.emplace_back(d.span, std::move(r));
  }
  for (const DurationExpression& d : doc.durations) {
    json r = SpanRecord(doc, cp, d.span);
    r["kind"] = d.is_time ? "TIME" : "DATE";
    r["type"] = "duration";
    r["value"] = d.value;
    records.emplace_back(d.span, std::move(r));
  }
  return InTextOrder(std::move(records));
}

std::vector<json> EntityRecords(const Document& doc) {
  const CodePointOffsets cp(doc);
  std::vector<std::pair<Span, json>> records;
  for (const Mention& m : doc.mentions) {
    const Entity& e = doc.entities[m.entity];
    json r = SpanRecord(doc, cp, m.span);
    r["type"] = EntityTypeName(e.type);
    r["id"] = e.id;
    r["name"] = e.name;
    records.emplace_back(m.span, std::move(r));
  }
  for (const TemporalExpression& d : doc.dates) {
    if (d.implicit) continue;
    auto add = [&](Span span, bool is_time, const char* part) {
      json r = SpanRecord(doc, cp, span);
      r["type"] = is_time ? "TIME" : "DATE";
      r["date"] = DateJson(d);
      if (part) r["part"] = part;
      records.emplace_back(span, std::move(r));
    };
    // A range told with particles is two mentions, one for each end, as NER annotators tag it.
    if (!d.from_span.empty() && d.from && d.to) {
      add(d.from_span, d.from->grain >= Grain::kHour, "from");
      add(d.to_span, d.to->grain >= Grain::kHour, "to");
    } else {
      add(d.span, d.is_time, nullptr);
    }
  }
  // Lengths of time are DATE or TIME mentions too, as KLUE tags them.
  for (const DurationExpression& d : doc.durations) {
    json r = SpanRecord(doc, cp, d.span);
    r["type"] = d.is_time ? "TIME" : "DATE";
    r["duration"] = d.value;
    records.emplace_back(d.span, std::move(r));
  }
  return InTextOrder(std::move(records));
}

std::vector<json> EventRecords(const Document& doc) {
  const CodePointOffsets cp(doc);
  std::vector<json> out;
  out.reserve(doc.events.size());
  for (const Event& e : doc.events) {
    json actors = json::array();
    for (const EventActor& a : e.actors) {
      const Entity& entity = doc.entities[a.entity];
      actors.push_back(json{{"name", entity.name},
                            {"id", entity.id},
                            {"type", EntityTypeName(entity.type)},
                            {"role", RoleName(a.role)}});
    }
    const Span sentence = doc.sentences[e.sentence].span;
    json date = DateJson(doc.dates[e.date]);
    // Said so, because the text never gives it: the news of the day, dated by the document.
    if (doc.dates[e.date].implicit) date["from_document"] = true;
    out.push_back(json{
        {"doc", doc.id},
        {"date", std::move(date)},
        {"type", e.type},
        {"trigger", e.trigger_lemma},
        {"realis", RealisName(e.realis)},
        {"trigger_text", std::string(doc.OriginalText(e.trigger))},
        {"actors", std::move(actors)},
        {"sentence", json{{"start", cp.Begin(sentence)},
                          {"end", cp.End(sentence)},
                          {"text", std::string(doc.OriginalText(sentence))}}},
    });
  }
  return out;
}

}  // namespace sageon
