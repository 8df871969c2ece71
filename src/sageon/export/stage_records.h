// The JSON lines each CLI stage prints, one object per sentence, token, entity, date or event.
// Offsets are Unicode code points into the document's original text (the convention of public
// Korean datasets and of the scorer in ../shared/eval), and `text` is the span as written.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "sageon/document.h"

namespace sageon {

// Converts byte offsets of Document::text into code point offsets of Document::original.
class CodePointOffsets {
 public:
  explicit CodePointOffsets(const Document& doc);
  uint32_t Begin(Span span) const;
  uint32_t End(Span span) const;

 private:
  const Document& doc_;
  std::vector<uint32_t> original_byte_to_cp_;
};

std::vector<nlohmann::json> SentenceRecords(const Document& doc);
std::vector<nlohmann::json> TokenRecords(const Document& doc);
// PERSON, ORG, LOC, PRODUCT, EVENT mentions and the DATE and TIME expressions, in text order.
std::vector<nlohmann::json> EntityRecords(const Document& doc);
std::vector<nlohmann::json> DateRecords(const Document& doc);
std::vector<nlohmann::json> EventRecords(const Document& doc);

// {"value", "grain", "mod"?} of a time value; the date of an expression: that object, or
// {"type": "interval", "from", "to"}; null for an expression left unresolved (no reference).
nlohmann::json TimeValueJson(const TimeValue& value);
nlohmann::json DateJson(const TemporalExpression& date);

}  // namespace sageon
