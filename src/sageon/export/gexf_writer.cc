// GEXF 1.3 for Gephi's timeline: the graph is dynamic, an event node and its edges exist from the
// event's first day to its last (start/end, timeformat "date"), actors exist throughout.
//
// As in the GraphML file, every edge is directed (one reader, networkx, refuses mixed graphs):
// an actor–actor edge is written once, from the smaller id, with kind "shares events".
#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sageon/export/exporters.h"
#include "sageon/export/xml_out.h"

namespace sageon {

namespace {

void AttValue(XmlOut* out, const char* attribute, std::string_view value) {
  out->Start("attvalue");
  out->Attr("for", attribute);
  out->Attr("value", value);
  out->End();
}

struct AttributeDecl {
  const char* id;
  const char* type;
};
constexpr AttributeDecl kNodeAttributes[] = {
    {"kind", "string"},       {"type", "string"},     {"date", "string"},
    {"trigger", "string"},    {"aliases", "string"},  {"mentions", "long"},
    {"documents", "integer"}, {"sentence", "string"}, {"realis", "string"},
};
constexpr AttributeDecl kEdgeAttributes[] = {{"kind", "string"}};

// The days an event node and its edges exist: its first day and its last, inclusive.
struct Spell {
  std::string start;
  std::string end;
};

void Declare(XmlOut* x, const char* element_class, const auto& attributes) {
  x->Start("attributes");
  x->Attr("class", element_class);
  x->Attr("mode", "static");
  for (const AttributeDecl& a : attributes) {
    x->Start("attribute");
    x->Attr("id", a.id);
    x->Attr("title", a.id);
    x->Attr("type", a.type);
    x->End();
  }
  x->End();
}

}  // namespace

Status WriteGexf(const EventGraph& graph, const PieceWriter& write) {
  XmlOut x(write);
  x.Start("gexf");
  x.Attr("xmlns", "http://gexf.net/1.3");
  x.Attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
  x.Attr("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd");
  x.Attr("version", "1.3");
  // No lastmodifieddate: the same input must give the same bytes.
  x.Start("meta");
  x.Start("creator");
  x.Text("sageon " SAGEON_VERSION);
  x.End();
  x.Start("description");
  x.Text("Actors and events extracted from Korean posts and articles");
  x.End();
  x.End();

  x.Start("graph");
  x.Attr("defaultedgetype", "directed");
  x.Attr("mode", "dynamic");
  x.Attr("timeformat", "date");
  Declare(&x, "node", kNodeAttributes);
  Declare(&x, "edge", kEdgeAttributes);

  x.Start("nodes");
  for (const GraphEntity* e : graph.Actors()) {
    x.Start("node");
    x.Attr("id", e->id);
    x.Attr("label", e->name);
    x.Start("attvalues");
    AttValue(&x, "kind", EntityKindName(e->type));
    AttValue(&x, "type", EntityTypeName(e->type));
    if (!e->aliases.empty()) {
      std::string aliases;
      for (const std::string& a : e->aliases) {
        if (!aliases.empty()) aliases += '|';
        aliases += a;
      }
      AttValue(&x, "aliases", aliases);
    }
    AttValue(&x, "mentions", Decimal(e->mention_count));
    AttValue(&x, "documents", Decimal(e->documents.size()));
    x.End();
    x.End();
  }
  // Each event's spell, by its id, for its edges: worked out once, not again for every edge.
  std::unordered_map<std::string_view, Spell> spells;
  std::string label;
  for (const GraphEvent* e : graph.Events()) {
    const std::string date = e->DateLabel();
    const Spell& spell = spells.emplace(e->id, Spell{e->StartIso(), e->EndIso()}).first->second;
    x.Start("node");
    x.Attr("id", e->id);
    label.assign(e->trigger).append(" ").append(date);
    x.Attr("label", label);
    x.Attr("start", spell.start);
    x.Attr("end", spell.end);
    x.Start("attvalues");
    AttValue(&x, "kind", "event");
    AttValue(&x, "type", e->type);
    AttValue(&x, "date", date);
    AttValue(&x, "trigger", e->trigger);
    AttValue(&x, "realis", RealisName(e->realis));
    AttValue(&x, "documents", Decimal(e->documents.size()));
    AttValue(&x, "sentence", e->sentence);
    x.End();
    x.End();
  }
  x.End();  // nodes

  x.Start("edges");
  size_t n = 0;
  for (const GraphEdge& edge : graph.Edges()) {
    x.Start("edge");
    x.Attr("id", Decimal(n++));
    x.Attr("source", edge.source);
    x.Attr("target", edge.target);
    x.Attr("label", edge.label);
    x.Attr("weight", FormatNumber(edge.weight));
    // An actor–event edge lives as long as its event.
    if (const auto spell = spells.find(edge.target); spell != spells.end()) {
      x.Attr("start", spell->second.start);
      x.Attr("end", spell->second.end);
    }
    x.Start("attvalues");
    AttValue(&x, "kind", edge.directed ? "role" : "shares events");
    x.End();
    x.End();
  }
  x.End();  // edges
  x.End();  // graph
  x.End();  // gexf
  return x.Finish("graph.gexf");
}

Result<std::string> RenderGexf(const EventGraph& graph) { return CollectPieces(WriteGexf, graph); }

}  // namespace sageon
