#include "sageon/document.h"

namespace sageon {

std::string_view TokenTagName(TokenTag tag) {
  switch (tag) {
    case TokenTag::kNoun:
      return "noun";
    case TokenTag::kProperNoun:
      return "proper_noun";
    case TokenTag::kPredicate:
      return "predicate";
    case TokenTag::kParticle:
      return "particle";
    case TokenTag::kEnding:
      return "ending";
    case TokenTag::kNumber:
      return "number";
    case TokenTag::kForeign:
      return "foreign";
    case TokenTag::kHanja:
      return "hanja";
    case TokenTag::kSymbol:
      return "symbol";
    case TokenTag::kOther:
      return "other";
  }
  return "other";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PERSON";
    case EntityType::kOrg:
      return "ORG";
    case EntityType::kLoc:
      return "LOC";
    case EntityType::kProduct:
      return "PRODUCT";
    case EntityType::kEvent:
      return "EVENT";
  }
  return "PERSON";
}

std::string_view EntityKindName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrg:
      return "org";
    case EntityType::kLoc:
      return "loc";
    case EntityType::kProduct:
      return "product";
    case EntityType::kEvent:
      return "event";
  }
  return "person";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrg, EntityType::kLoc,
                       EntityType::kProduct, EntityType::kEvent}) {
    if (EntityTypeName(t) == name) return t;
  }
  return std::nullopt;
}

bool IsActorType(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kOrg || type == EntityType::kProduct;
}

int RolePriority(Role role) {
  switch (role) {
    case Role::kAgent:
      return 0;
    case Role::kPatient:
      return 1;
    case Role::kRecipient:
      return 2;
    case Role::kRoleTaken:
      return 3;
    case Role::kCoActor:
      return 4;
    case Role::kParticipant:
      return 5;
  }
  return 5;
}

std::string_view AnchorName(Anchor anchor) {
  switch (anchor) {
    case Anchor::kAbsolute:
      return "absolute";
    case Anchor::kDocument:
      return "document";
    case Anchor::kPreviousMention:
      return "previous";
    case Anchor::kNone:
      return "none";
  }
  return "none";
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAgent:
      return "agent";
    case Role::kPatient:
      return "patient";
    case Role::kRecipient:
      return "recipient";
    case Role::kRoleTaken:
      return "role";
    case Role::kCoActor:
      return "co-actor";
    case Role::kParticipant:
      return "participant";
  }
  return "participant";
}

std::string_view RealisName(Realis realis) {
  switch (realis) {
    case Realis::kActual:
      return "actual";
    case Realis::kNegated:
      return "negated";
    case Realis::kPlanned:
      return "planned";
    case Realis::kPossible:
      return "possible";
  }
  return "actual";
}

}  // namespace sageon
