// GraphML for Gephi, networkx, igraph and yEd. Every key is declared before the graph, ids are
// unique, and every value goes through XmlSafe, so the file parses whatever the input held.
//
// networkx refuses a file that mixes directed and undirected edges, so the graph is directed as a
// whole: an actor–actor edge is written once, from the smaller id, and its `kind` ("shares
// events", against a role for actor–event edges) says it has no direction.
#include <cmath>
#include <cstdio>
#include <string>

#include "sageon/base/utf8.h"
#include "sageon/export/exporters.h"
#include "sageon/export/xml_out.h"

namespace sageon {

namespace {

// <name key="...">text</name>, the GraphML data element.
void Data(XmlOut* out, const char* key, std::string_view value) {
  out->Start("data");
  out->Attr("key", key);
  out->Text(value);
  out->End();
}

struct KeyDecl {
  const char* id;
  const char* domain;
  const char* name;
  const char* type;
};

// Gephi reads the node key named "label" as the node's label and the edge key "weight" as its
// weight.
constexpr KeyDecl kKeys[] = {
    {"d_label", "node", "label", "string"},       {"d_kind", "node", "kind", "string"},
    {"d_type", "node", "type", "string"},         {"d_date", "node", "date", "string"},
    {"d_start", "node", "start", "string"},       {"d_end", "node", "end", "string"},
    {"d_trigger", "node", "trigger", "string"},   {"d_aliases", "node", "aliases", "string"},
    {"d_mentions", "node", "mentions", "long"},   {"d_documents", "node", "documents", "int"},
    {"d_sentence", "node", "sentence", "string"}, {"d_realis", "node", "realis", "string"},
    {"e_label", "edge", "label", "string"},       {"e_weight", "edge", "weight", "double"},
    {"e_kind", "edge", "kind", "string"},
};

std::string JoinAliases(const std::set<std::string>& aliases) {
  std::string out;
  for (const std::string& a : aliases) {
    if (!out.empty()) out += "|";
    out += a;
  }
  return out;
}

// The length of the longest start of `value` that XML 1.0 allows as it is: checked before copying,
// as nearly every string is allowed whole.
size_t XmlSafePrefix(std::string_view value) {
  size_t pos = 0;
  while (pos < value.size()) {
    const auto c = static_cast<unsigned char>(value[pos]);
    if (c >= 0x20 && c < 0x80) {
      ++pos;
      continue;
    }
    if (c < 0x20) {
      if (c != '\t' && c != '\n' && c != '\r') return pos;
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t cp = utf8::Next(value, &pos);
    // Invalid bytes (which utf8::Next reads as U+FFFD, one byte at a time), and U+FFFE and
    // U+FFFF, the only code points XML forbids past the C0 controls.
    if (cp == 0xFFFE || cp == 0xFFFF || (cp == 0xFFFD && pos - start != 3)) return start;
  }
  return pos;
}

}  // namespace

void AppendXmlSafe(std::string_view value, std::string* out) {
  size_t pos = XmlSafePrefix(value);
  out->append(value.substr(0, pos));
  while (pos < value.size()) {
    const size_t start = pos;
    const char32_t c = utf8::Next(value, &pos);
    const std::string_view bytes = value.substr(start, pos - start);
    // Next() reads an invalid byte as U+FFFD: keep a real U+FFFD, drop the stray byte.
    if (c == 0xFFFD && bytes != "\xEF\xBF\xBD") continue;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
    if (c == 0xFFFE || c == 0xFFFF) continue;
    out->append(bytes);
  }
}

std::string XmlSafe(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  AppendXmlSafe(value, &out);
  return out;
}

Status WriteGraphml(const EventGraph& graph, const PieceWriter& write) {
  XmlOut x(write);
  x.Start("graphml");
  x.Attr("xmlns", "http://graphml.graphdrawing.org/xmlns");
  x.Attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.Attr("xsi:schemaLocation",
         "http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
  for (const KeyDecl& k : kKeys) {
    x.Start("key");
    x.Attr("id", k.id);
    x.Attr("for", k.domain);
    x.Attr("attr.name", k.name);
    x.Attr("attr.type", k.type);
    x.End();
  }
  x.Start("graph");
  x.Attr("id", "sageon");
  x.Attr("edgedefault", "directed");
  for (const GraphEntity* e : graph.Actors()) {
    x.Start("node");
    x.Attr("id", e->id);
    Data(&x, "d_label", e->name);
    Data(&x, "d_kind", EntityKindName(e->type));
    Data(&x, "d_type", EntityTypeName(e->type));
    if (!e->aliases.empty()) Data(&x, "d_aliases", JoinAliases(e->aliases));
    Data(&x, "d_mentions", Decimal(e->mention_count));
    Data(&x, "d_documents", Decimal(e->documents.size()));
    x.End();
  }
  std::string label;
  for (const GraphEvent* e : graph.Events()) {
    const std::string date = e->DateLabel();
    x.Start("node");
    x.Attr("id", e->id);
    label.assign(e->trigger).append(" ").append(date);
    Data(&x, "d_label", label);
    Data(&x, "d_kind", "event");
    Data(&x, "d_type", e->type);
    Data(&x, "d_date", date);
    Data(&x, "d_start", e->StartIso());
    Data(&x, "d_end", e->EndIso());
    Data(&x, "d_trigger", e->trigger);
    Data(&x, "d_realis", RealisName(e->realis));
    Data(&x, "d_documents", Decimal(e->documents.size()));
    Data(&x, "d_sentence", e->sentence);
    x.End();
  }
  size_t n = 0;
  std::string id;
  for (const GraphEdge& edge : graph.Edges()) {
    x.Start("edge");
    id.clear();
    id.push_back('e');
    id.append(Decimal(n++));
    x.Attr("id", id);
    x.Attr("source", edge.source);
    x.Attr("target", edge.target);
    Data(&x, "e_label", edge.label);
    Data(&x, "e_weight", FormatNumber(edge.weight));
    Data(&x, "e_kind", edge.directed ? "role" : "shares events");
    x.End();
  }
  x.End();  // graph
  x.End();  // graphml
  return x.Finish("graph.graphml");
}

Result<std::string> RenderGraphml(const EventGraph& graph) {
  return CollectPieces(WriteGraphml, graph);
}

}  // namespace sageon
