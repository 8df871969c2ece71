// Stage 7: the event/actor graph, merged across documents by canonical id. Actor nodes are the
// people, organizations and products that take part in at least one event; event nodes are the
// events. An actor–event edge carries the actor's role; an actor–actor edge is weighted by the
// number of events the two share. Everything it returns is sorted by id, so output is
// deterministic.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sageon/document.h"

namespace sageon {

struct GraphEntity {
  std::string id;
  EntityType type = EntityType::kPerson;
  std::string name;
  std::set<std::string> aliases;
  uint64_t mention_count = 0;
  std::set<std::string> documents;
};

struct GraphEventActor {
  std::string entity_id;
  Role role = Role::kParticipant;
  friend auto operator<=>(const GraphEventActor&, const GraphEventActor&) = default;
};

struct GraphEvent {
  std::string id;  // "event:" + a hash of type, date and actors: the same event told twice meets
  std::string type;
  std::string trigger;  // the trigger lemma
  Realis realis = Realis::kActual;
  bool is_interval = false;
  TimeValue value;
  std::optional<TimeValue> from, to;
  std::vector<GraphEventActor> actors;  // sorted, unique
  std::set<std::string> documents;
  std::string first_document;  // the document and sentence that first told it
  std::string sentence;

  // The day (or first day) the event happened, for sorting and for GEXF spells: "2023-11-17".
  std::string StartIso() const;
  std::string EndIso() const;     // the last day, inclusive
  std::string DateLabel() const;  // value, or "from/to"
};

struct GraphEdge {
  std::string source;
  std::string target;
  bool directed = false;
  std::string label;  // the role for actor–event edges, "shares events" for actor–actor edges
  double weight = 1;
};

class EventGraph {
 public:
  // Adds a processed document's entities and events. Adding in any order gives the same graph.
  void AddDocument(const Document& doc);

  // Every entity of every document (not only actors), sorted by id.
  std::vector<const GraphEntity*> Entities() const;
  // Events sorted by start date, then id.
  std::vector<const GraphEvent*> Events() const;
  // The actor nodes: entities of type PERSON, ORG or PRODUCT taking part in at least one event.
  std::vector<const GraphEntity*> Actors() const;
  // Actor–event edges, then actor–actor edges, each sorted.
  std::vector<GraphEdge> Edges() const;

  const GraphEntity* FindEntity(const std::string& id) const;

 private:
  std::map<std::string, GraphEntity> entities_;
  std::map<std::string, GraphEvent> events_;
};

}  // namespace sageon
