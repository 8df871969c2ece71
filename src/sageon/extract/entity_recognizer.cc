#include "sageon/extract/entity_recognizer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "sageon/base/string_table.h"
#include "sageon/base/utf8.h"
#include "sageon/tokenize/eojeol_analyzer.h"

namespace sageon {

namespace {

// Longest name, in tokens, the gazetteer scan tries ("레제프 타이이프 에르도안", "GPT - 4").
constexpr size_t kMaxNameTokens = 6;
// A Latin form this short ("IS", "MS", "LA") matches only as written: lowered, it is an English
// word.
constexpr size_t kMinCaselessLatin = 5;
// How far past '(' the parenthesis rules look for ')'.
constexpr size_t kMaxParenBytes = 120;

// Rule strength when two candidates cover the same span: a name the user or the project listed
// beats one a rule guessed.
enum Priority : int { kRuleWeak = 0, kRule = 1, kLocal = 2, kGazetteer = 3 };

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The recognizer's word lists and name tables, probed with pieces of the text (string_view) many
// times per token: StringTable's open addressing answers most misses without comparing a string.
class WordSet {
 public:
  bool Contains(std::string_view word) const { return table_.Contains(word); }
  void Add(std::string_view word) { table_[word] = true; }
  bool empty() const { return table_.size() == 0; }

 private:
  StringTable<bool> table_;
};

template <typename V>
class WordMap {
 public:
  // The value of `key`, or nullptr; valid until the next Add or Set.
  const V* Find(std::string_view key) const {
    const auto* item = table_.Find(key);
    return item != nullptr ? &item->value : nullptr;
  }
  // Adds `key` unless it is there: the first value stays.
  void Add(std::string_view key, V value) {
    if (!table_.Contains(key)) table_[key] = std::move(value);
  }
  // Adds or replaces: the last value stays.
  void Set(std::string_view key, V value) { table_[key] = std::move(value); }
  const auto& items() const { return table_.items(); }

 private:
  StringTable<V> table_;
};

// The lookup key of a name: spaces removed and ASCII letters lowered, so spacing and case variants
// of one name ("오픈 AI", "오픈AI", "openai") meet.
std::string Key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (char c : name) {
    if (IsAsciiSpace(c)) continue;
    key.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

// Key(name) appended to `key`: a key of several tokens grows in one buffer.
void AppendKey(std::string_view name, std::string* key) {
  for (char c : name) {
    if (IsAsciiSpace(c)) continue;
    key->push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

// True when Key(name) == name, so that `name` itself can be looked up.
bool IsOwnKey(std::string_view name) {
  return std::none_of(name.begin(), name.end(),
                      [](char c) { return IsAsciiSpace(c) || (c >= 'A' && c <= 'Z'); });
}

bool HasAsciiUpper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (!IsAsciiSpace(c)) out.push_back(c);
  }
  return out;
}

bool HasAsciiAlpha(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return utf8::IsAsciiAlpha(c); });
}

size_t Syllables(std::string_view s) { return utf8::CodePointCount(s); }

// Byte length of the first `n` code points of `s`.
size_t PrefixBytes(std::string_view s, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < s.size(); ++i) utf8::Next(s, &pos);
  return pos;
}

std::vector<std::string> SplitBars(std::string_view cell) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= cell.size()) {
    size_t bar = cell.find('|', start);
    if (bar == std::string_view::npos) bar = cell.size();
    std::string_view piece = cell.substr(start, bar - start);
    while (!piece.empty() && IsAsciiSpace(piece.front())) piece.remove_prefix(1);
    while (!piece.empty() && IsAsciiSpace(piece.back())) piece.remove_suffix(1);
    if (!piece.empty()) out.emplace_back(piece);
    start = bar + 1;
  }
  return out;
}

struct GazEntry {
  EntityType type = EntityType::kPerson;
  std::string name;
  bool country = false;  // from gazetteer_countries: a state, ORG when it acts
};

// One written form of a gazetteer entry.
struct Form {
  uint32_t entry = 0;
  std::string exact;    // without spaces, as listed: short Latin forms must match it case and all
  bool spaced = false;  // listed with a space (샘 알트먼)
};

struct SuffixRule {
  std::string text;
  size_t min_stem = 1;  // syllables the stem needs before the suffix
};

// The last code point of `word` (its bytes), or empty.
std::string_view LastCodePoint(std::string_view word) {
  size_t start = word.size();
  while (start > 0 && (static_cast<unsigned char>(word[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) --start;
  return word.substr(start);
}

// A list of suffixes (전자, 위원회; 시, 특별자치도) asked of every token: the rules are grouped by
// their last code point, so a word is compared only with the few that end as it does.
class SuffixList {
 public:
  // Adds the rules, which keep their order among those of the same length (longest first).
  void Assign(std::vector<SuffixRule> rules) {
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.text.size() > b.text.size(); });
    rules_ = std::move(rules);
    for (size_t i = 0; i < rules_.size(); ++i) {
      by_last_[LastCodePoint(rules_[i].text)].push_back(static_cast<uint32_t>(i));
    }
  }

  // The longest suffix `word` ends in with a long enough stem.
  const SuffixRule* Match(std::string_view word) const {
    const auto* group = by_last_.Find(LastCodePoint(word));
    if (group == nullptr) return nullptr;
    for (const uint32_t i : group->value) {
      const SuffixRule& s = rules_[i];
      if (word.size() <= s.text.size() || word.substr(word.size() - s.text.size()) != s.text) {
        continue;
      }
      const std::string_view stem = word.substr(0, word.size() - s.text.size());
      if (utf8::CodePointCount(stem) >= s.min_stem) return &s;
    }
    return nullptr;
  }

 private:
  std::vector<SuffixRule> rules_;
  StringTable<std::vector<uint32_t>> by_last_;  // last code point -> rules, longest first
};

enum class TitlePosition : uint8_t { kAfter, kBefore, kBoth };

// How much of a person's name a mention gives (people only).
enum class NameKind {
  kFull,     // a name that stands for someone on its own: 김철수, 샘 알트먼
  kSurname,  // 김 in 김 대표, 박씨: the document's full name with that surname, if one fits
  kGiven,  // 지현 in 지현 부사장: the document's full name ending in it, else a name itself
  kWithheld,  // A씨, 김모(33)씨: a name the writer withheld; it links to no one
};

// Common nouns that stand before a title like a name does ("정부 대표", "노조 위원장"): a surname
// syllable starts them, but they name no one.
constexpr std::string_view kNotNames[] = {
    "정부",   "노조",   "국가",   "한국",   "이사회",   "구단",     "공동",     "최고",   "여당",
    "야당",   "전임",   "신임",   "현직",   "전직",     "초대",     "차기",     "당시",   "이번",
    "이날",   "이후",   "이전",   "이상",   "이하",     "이들",     "우리",     "그룹",   "회사",
    "본사",   "지사",   "지점",   "부서",   "부문",     "사업",     "경영",     "기업",   "업체",
    "협회",   "학회",   "학교",   "대학",   "대학교",   "병원",     "연구",     "연구소", "조합",
    "정당",   "지역",   "지방",   "중앙",   "시민",     "주민",     "국민",     "도민",   "시장",
    "소장",   "원장",   "고문",   "명예",   "수석",     "상임",     "부위원장", "부사장", "부회장",
    "부총리", "부장",   "부대표", "공식",   "임시",     "한편",     "하지만",   "조사",   "조직",
    "성명",   "신규",   "기존",   "구청",   "도청",     "시청",     "국회",     "한국당", "민주당",
    "정의당", "안보",   "경제",   "외교",   "국방",     "통일",     "교육",     "노동",   "환경",
    "문화",   "보건",   "복지",   "법무",   "해양",     "여성",     "국토",     "과학",   "산업",
    "금융",   "방송",   "통신",   "제작",   "영화",     "연출",     "공연",     "음악",   "미술",
    "축구",   "야구",   "농구",   "배구",   "골프",     "대표팀",   "국가대표", "감독",   "선수",
    "코치",   "주장",   "팀장",   "회장",   "대표",     "사장",     "의원",     "장관",   "위원",
    "위원장", "공정",   "성공",   "전문",   "전문가",   "관계자",   "담당",     "담당자", "고위",
    "간부",   "원내",   "최고위", "한나라", "민주",     "진보",     "보수",     "정치",   "신문",
    "기자",   "전국",   "전체",   "주요",   "각국",     "양국",     "남북",     "북미",   "한미",
    "한일",   "한중",   "미중",   "고등",   "명예회장", "공동대표", "사무",     "이사",   "조합장",
    "차관",   "하원",   "상원",   "연방",   "주지사",   "주석",     "총장",     "교수",   "박사",
    "선생",   "유엔",   "국제",   "세계",   "아시아",   "유럽",     "남자",     "여자",   "손님",
    "고객",   "배우",   "가수",   "여야",   "공채",     "인수위",   "소속",     "모든",   "시절",
    "이같이", "이처럼", "이와",   "이에",   "이를"};

// Syllables that follow a surname in common words more than in names ("이번", "정부").
constexpr std::string_view kSurnameOnlyStops[] = {
    "전", "현", "당", "시", "도", "구", "군", "국", "부", "원", "지", "주",
    "우", "공", "방", "사", "기", "동", "경", "간", "상", "소", "대", "총",
    "가", "계", "두", "한", "고", "명", "세", "네", "각", "온"};

// Words ending in 씨 that are no honorific: 마음씨 "nature", 솜씨 "skill", 아가씨 "young lady".
constexpr std::string_view kNotHonorific[] = {
    "마음씨", "솜씨", "말씨", "글씨", "날씨", "불씨", "아가씨", "아저씨", "맵씨",
    "홀씨",   "꽃씨", "볍씨", "씨씨", "맘씨", "손씨", "발씨",   "말솜씨", "글솜씨"};

// Modifiers between a name and its title: 김철수 전 대표, 바라라 전 검사.
constexpr std::string_view kTitleModifiers[] = {"전",   "현",   "前",   "現",   "신임", "초대",
                                                "당시", "공동", "임시", "차기", "전직", "현직"};

// Offices written after a place's name in one word (부산시장, 강원도지사, 서초구청장): a title when
// the part before is a known place. Longest first: 도지사 before 지사.
constexpr std::string_view kPlaceOffices[] = {"경찰청장", "교육감", "구청장", "도지사", "시의원",
                                              "도의원",   "구의원", "시장",   "지사",   "군수"};

// Last syllables of a bare word before a title that make it no foreign name: verb endings the
// analyzer left attached (넘는, 벗고, 와서, 볼때) and the heads of bodies and departments
// (사회학과, 예술단, 생활체육회, 비상대책위, 파리경제대, 세월호).
constexpr std::string_view kNotForeignNameEnds[] = {
    "는", "고", "서", "때", "며", "면", "던", "게", "지", "요", "죠", "까", "과", "단", "회",
    "위", "팀", "부", "원", "처", "실", "국", "청", "대", "럽", "식", "호", "거", "측", "들"};

// Units inside a body, written after its name (서울대 공대, 한빛병원 유방센터).
constexpr std::string_view kOrgUnits[] = {
    "본부", "지부", "지사",     "지점",   "지원",   "분원",   "학과",   "학부",   "공대",
    "의대", "법대", "대학원",   "연구소", "연구실", "센터",   "사업부", "병동",   "지청",
    "지회", "분회", "사무국",   "사무처", "비서실", "홍보실", "전략실", "상황실", "위원회",
    "분과", "노조", "지역본부", "사업단", "지방청", "출장소", "총국",   "지국"};

// Nouns for kinds of bodies that news puts before a body's name (업체 코베아, 제약사 한빛바이오).
constexpr std::string_view kOrgKinds[] = {
    "기업",   "업체",   "회사",   "브랜드", "제조사", "스타트업", "구단",   "방송사", "신문사",
    "언론사", "통신사", "증권사", "보험사", "항공사", "게임사",   "제약사", "유통사", "배급사",
    "소속사", "기획사", "레이블", "단체",   "운용사", "은행",     "체인",   "플랫폼"};

// Common nouns written together with a place's name that leave the place a place (한국시각,
// 서울지역, 중국영화): times, areas, people, trips and topics of a place, never the head of a
// body's name.
constexpr std::string_view kPlaceCompoundNouns[] = {
    "시각", "시간", "지역", "출신", "일대", "전역",   "현지", "시내",   "방면", "근교", "인근",
    "외곽", "도심", "주민", "시민", "도민", "교민",   "동포", "국적",   "여행", "관광", "방문",
    "영화", "음식", "요리", "경제", "사회", "문화",   "역사", "정세",   "국경", "해안", "앞바다",
    "상공", "영공", "영해", "전통", "특산", "사투리", "방언", "현지인", "거리", "곳곳"};

// Particles after which a country is the state acting (미국이 제재했다, 중국과 합의했다) rather
// than the place (미국에서). The genitive stays the place (미국의 제재, 미국의 한 고등학생): the
// annotated sources split on it, and a place before a body or a person is what it says.
constexpr std::string_view kActorParticles[] = {
    "이",   "가",   "은", "는",   "을",   "를", "과",       "와",     "도",  "과의",
    "와의", "이나", "만", "에게", "측은", "측", "으로서는", "로서는", "께서"};

// A place standing for its team takes these (보스턴은, 전북과, 울산이 ... 꺾었다).
constexpr std::string_view kTeamParticles[] = {"이", "가", "은", "는",   "을",   "를",
                                               "과", "와", "도", "과의", "와의", "에게"};

// Last syllables of the small units of an address (동, 읍, 면, 리), which a three-syllable word
// can share with a name (신천동).
constexpr std::string_view kAddressUnitEnds[] = {"동", "읍", "면", "리"};

// People and parts of a club named after its city (전북 감독, 보스턴 1루수, 미네소타 산하).
constexpr std::string_view kTeamMembers[] = {
    "감독",   "코치",   "구단",     "단장",   "투수",   "타자",   "포수",   "1루수",
    "2루수",  "3루수",  "유격수",   "외야수", "내야수", "공격수", "수비수", "미드필더",
    "골키퍼", "산하",   "유소년팀", "2군",    "팬",     "팬들",   "사령탑", "프런트",
    "타선",   "마운드", "불펜",     "선발진", "수비진", "공격진", "벤치"};

// Words of a game and its result: a sentence that has one tells sports news, where a city
// acting is its team (보스턴은 마이애미를 꺾고 ...).
constexpr std::string_view kSportsWords[] = {
    "경기",       "시즌",   "리그",     "감독",         "선수",     "홈런",     "득점",
    "실점",       "골",     "선제골",   "결승골",       "동점골",   "승리",     "패배",
    "연승",       "연패",   "우승",     "무승부",       "원정",     "홈경기",   "원정경기",
    "플레이오프", "세트",   "쿼터",     "이닝",         "타점",     "안타",     "투수",
    "타자",       "구단",   "스코어",   "역전승",       "완승",     "완패",     "승점",
    "라운드",     "결승",   "준결승",   "챔피언결정전", "맞대결",   "선두",     "최하위",
    "전반",       "후반",   "타선",     "마운드",       "불펜",     "선발",     "삼진",
    "완투승",     "완봉승", "슈팅",     "옐로카드",     "레드카드", "라인업",   "4강",
    "8강",        "16강",   "대진",     "만회",         "역전",     "동점",     "꺾다",
    "누르다",     "이기다", "제압하다", "완파하다",     "격파하다", "물리치다", "꺾이다",
    "맞붙다",     "비기다"};

// Particles after which an all-capital Latin word is a body acting or owning (NTSB가 밝혔다, EPA의
// 발표): the cases of an agent, a topic, a possessor and a partner.
constexpr std::string_view kAcronymParticles[] = {"은", "는", "이", "가",   "의",
                                                  "과", "와", "측", "측은", "측이"};

// Capital-letter abbreviations of things, jobs and notions that news writes with the same
// particles as a body's name (SNS에, PD가, CEO는): no organization.
constexpr std::string_view kNotOrgAcronyms[] = {
    "SNS", "TV",  "PD",   "CF",   "VR",    "AR",  "OST", "DJ",  "MVP",  "MC",  "FA",  "AI",  "CG",
    "AV",  "SUV", "FTA",  "CEO",  "CTO",   "CFO", "COO", "IT",  "PC",   "GDP", "GNP", "DNA", "PR",
    "PPL", "MD",  "VIP",  "VJ",   "NG",    "ID",  "PK",  "HD",  "UHD",  "LED", "LCD", "CD",  "DVD",
    "PPT", "USB", "TF",   "KO",   "MRI",   "CT",  "ICT", "IOT", "SW",   "HW",  "MOU", "IPO", "ETF",
    "ELS", "API", "GUI",  "ATM",  "OLED",  "PM",  "AM",  "RPG", "IP",   "IC",  "CC",  "DM",  "HQ",
    "TPP", "GPS", "DMZ",  "NLL",  "OS",    "UI",  "UX",  "QR",  "SF",   "OTT", "PT",  "GM",  "II",
    "III", "IV",  "VS",   "OK",   "NO",    "YES", "MBA", "PhD", "CCTV", "LNG", "LPG", "EV",  "ESS",
    "BMI", "PGA", "LPGA", "KPGA", "KLPGA", "AG",  "PO",  "KS",  "WS",   "ERA", "OPS", "WAR"};

// Nouns that make a place or a person before them an organization: 한국 정부, 오바마 행정부.
constexpr std::string_view kOrgHeads[] = {
    "정부",   "행정부", "당국",     "대표팀", "경찰",   "검찰",     "의회",   "국회",   "정권",
    "대사관", "영사관", "총영사관", "군",     "군당국", "보건당국", "외교부", "국방부", "국무부",
    "대표단", "선수단", "교육청",   "시청",   "도청",   "구청",     "법원",   "지검"};

// Common nouns that end in an organization suffix but are no organization's name.
constexpr std::string_view kNotOrgs[] = {
    "지도부",     "수뇌부",     "집행부",     "전반부",     "후반부",         "중반부",
    "상층부",     "하층부",     "사령탑",     "걸그룹",     "보이그룹",       "아이돌그룹",
    "대학병원",   "종합병원",   "요양병원",   "동물병원",   "전문병원",       "지역병원",
    "거점병원",   "협력병원",   "선임연구원", "책임연구원", "수석연구원",     "중앙은행",
    "시중은행",   "국책은행",   "인터넷은행", "지방은행",   "저축은행",       "외국은행",
    "민간은행",   "투자은행",   "지방정부",   "중앙정부",   "연방정부",       "자치정부",
    "임시정부",   "과도정부",   "현정부",     "새정부",     "각당",           "소수당",
    "제1당",      "원내제1당",  "제3당",      "집권당",     "정당",           "해당",
    "고등학교",   "중학교",     "초등학교",   "대학교",     "명문대학",       "사립대학",
    "국립대학",   "지방대학",   "전문대학",   "일반대학",   "소위원회",       "조직위원회",
    "운영위원회", "위원회",     "특별위원회", "대책위원회", "비상대책위원회", "상임위원회",
    "인사위원회", "징계위원회", "이사회",     "의회",       "지방의회",       "시민단체",
    "연구소",     "부설연구소", "재단",       "협회",       "학회",           "각부",
    "본부",       "간부",       "내부",       "외부",       "전부",           "일부",
    "세부",       "대부",       "국부",       "고위간부",   "상부",           "하부",
    "각청",       "경로당",     "위안부",     "무승부",     "조건부",         "저비용항공사",
    "항공사",     "소셜미디어"};

// Common nouns with a place suffix that are no place: 비상시에 "in an emergency".
constexpr std::string_view kNotPlaces[] = {
    "비상시", "평상시", "유사시", "필요시", "취임시", "비행시", "운전시", "발생시", "사용시",
    "위반시", "적발시", "확인시", "구매시", "가입시", "신청시", "방문시", "입장시", "당시",
    "동시",   "임시",   "역시",   "잠시",   "즉시",   "수시",   "항시"};

// Latin words that make a parenthesized Latin name an organization's.
constexpr std::string_view kLatinOrgWords[] = {"inc",
                                               "inc.",
                                               "corp",
                                               "corp.",
                                               "co.",
                                               "company",
                                               "group",
                                               "bank",
                                               "university",
                                               "college",
                                               "institute",
                                               "foundation",
                                               "association",
                                               "agency",
                                               "labs",
                                               "lab",
                                               "technologies",
                                               "technology",
                                               "systems",
                                               "electronics",
                                               "motors",
                                               "capital",
                                               "partners",
                                               "ventures",
                                               "holdings",
                                               "ltd",
                                               "ltd.",
                                               "llc",
                                               "party",
                                               "committee",
                                               "council",
                                               "ministry",
                                               "department",
                                               "office",
                                               "times",
                                               "news",
                                               "journal",
                                               "post",
                                               "press",
                                               "club",
                                               "fc",
                                               "society",
                                               "organization",
                                               "union",
                                               "federation",
                                               "center",
                                               "centre",
                                               "school",
                                               "academy",
                                               "studio",
                                               "studios",
                                               "entertainment",
                                               "media",
                                               "network",
                                               "airlines",
                                               "air",
                                               "semiconductor",
                                               "semiconductors",
                                               "electric",
                                               "chemical",
                                               "chemicals",
                                               "pharma",
                                               "pharmaceutical",
                                               "pharmaceuticals",
                                               "steel",
                                               "energy",
                                               "industries",
                                               "industrial",
                                               "insurance",
                                               "securities",
                                               "telecom",
                                               "communications",
                                               "display",
                                               "robotics",
                                               "software",
                                               "airways",
                                               "shipping",
                                               "construction",
                                               "engineering",
                                               "heavy",
                                               "foods",
                                               "biologics",
                                               "therapeutics",
                                               "biosciences",
                                               "logistics",
                                               "hotels",
                                               "resorts",
                                               "investment",
                                               "investments",
                                               "solutions",
                                               "networks",
                                               "devices",
                                               "aerospace",
                                               "petroleum",
                                               "broadcasting",
                                               "corporation",
                                               "limited",
                                               "gmbh",
                                               "plc",
                                               "commission",
                                               "bureau",
                                               "court",
                                               "museum",
                                               "hospital",
                                               "league",
                                               "trust",
                                               "fund",
                                               "exchange"};

// Latin words that never start a person's name in parentheses.
constexpr std::string_view kLatinNotPersonWords[] = {"the", "of", "and", "for", "in",   "on",
                                                     "a",   "an", "to",  "by",  "with", "at"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view s) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A name as the letters it is typed with: each Hangul syllable as its two or three jamo (알 →
// ㅇ ㅏ ㄹ, as indices into the initial, medial and final tables), every other code point as
// itself, spaces dropped. One slip of a key (말트먼 for 알트먼) is then one edit.
std::u32string TypedLetters(std::string_view name) {
  std::u32string out;
  for (size_t pos = 0; pos < name.size();) {
    const char32_t c = utf8::Next(name, &pos);
    if (c == U' ') continue;
    if (!utf8::IsHangulSyllable(c)) {
      out.push_back(c);
      continue;
    }
    const char32_t index = c - 0xAC00;
    out.push_back(0x1100 + index / (21 * 28));                // initial consonant
    out.push_back(0x1161 + (index % (21 * 28)) / 28);         // vowel
    if (index % 28 != 0) out.push_back(0x11A7 + index % 28);  // final consonant
  }
  return out;
}

// Levenshtein distance of a and b, or limit + 1 once it is certain to exceed `limit`.
size_t EditDistance(const std::u32string& a, const std::u32string& b, size_t limit) {
  const size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

// Everything Create() reads, shared read-only by every Recognize() call.
struct RecognizerData {
  std::vector<GazEntry> entries;
  WordMap<Form> forms;  // Key(form) -> form
  // Every key of `forms` cut after each of its code points: a scan over the tokens stops at the
  // first piece of text no form starts with.
  WordSet form_prefixes;
  WordSet surnames;               // 1 and 2 syllables
  WordSet common_surnames;        // those of most Koreans
  WordSet foreign_names;          // 존, 제니퍼, 나카무라: the first word of a foreign name
  WordMap<TitlePosition> titles;  // LowerAscii(title)
  SuffixList org_suffixes;
  SuffixList loc_suffixes;
  SuffixList facility_suffixes;  // optional: names of venues and new towns
  // address_forms.tsv: a short form that is also a common word (경기) -> its place's entry.
  WordMap<uint32_t> address_forms;
  std::optional<EojeolAnalyzer> analyzer;
  // General Korean words (hunspell-ko): a surname-initial word that is one is no name.
  WordSet dictionary_words;

  // The entry whose form reads `surface` (spaces ignored), if any.
  std::optional<uint32_t> LookupGazetteer(std::string_view surface) const {
    if (IsOwnKey(surface)) return LookupGazetteerKey(surface, surface);
    return LookupGazetteerKey(surface, Key(surface));
  }
  // The same, for a caller that holds Key(surface) already.
  std::optional<uint32_t> LookupGazetteerKey(std::string_view surface, std::string_view key) const {
    const Form* found = forms.Find(key);
    if (found == nullptr) return std::nullopt;
    const Form& form = *found;
    // A space the list does not have is a spacing variant only between scripts (오픈 AI); between
    // Hangul words it joins two words (서울 시 "a poem of Seoul", 한국 경제 "Korea's economy").
    if (!form.spaced) {
      for (size_t p = surface.find(' '); p != std::string_view::npos;
           p = surface.find(' ', p + 1)) {
        const bool latin_before =
            p > 0 && utf8::IsAsciiAlpha(static_cast<unsigned char>(surface[p - 1]));
        const bool latin_after = p + 1 < surface.size() &&
                                 utf8::IsAsciiAlpha(static_cast<unsigned char>(surface[p + 1]));
        if (latin_before == latin_after) return std::nullopt;
      }
    }
    if (HasAsciiAlpha(form.exact) && utf8::CodePointCount(form.exact) < kMinCaselessLatin &&
        WithoutSpaces(surface) != form.exact) {
      return std::nullopt;
    }
    return form.entry;
  }

  std::optional<TitlePosition> Title(std::string_view word) const {
    // Most words have no capital to lower: they are looked up as written.
    const auto find = [&](std::string_view w) {
      return HasAsciiUpper(w) ? titles.Find(LowerAscii(w)) : titles.Find(w);
    };
    auto it = find(word);
    if (it != nullptr) return *it;
    // 감독님, 선수들: the honorific and plural suffixes leave the title a title.
    for (std::string_view tail : {std::string_view("님"), std::string_view("들")}) {
      if (word.size() > tail.size() && word.substr(word.size() - tail.size()) == tail) {
        it = find(word.substr(0, word.size() - tail.size()));
        if (it != nullptr) return *it;
      }
    }
    return PlaceTitle(word);
  }

  // 부산시장, 강원도지사, 서초구청장: an office of a place, written as one word after the name.
  std::optional<TitlePosition> PlaceTitle(std::string_view word) const {
    for (std::string_view office : kPlaceOffices) {
      if (word.size() <= office.size() || word.substr(word.size() - office.size()) != office) {
        continue;
      }
      const std::string_view place = word.substr(0, word.size() - office.size());
      if (!utf8::AllHangulSyllables(place)) return std::nullopt;
      // The place in full (부산시, 강원도) or as the gazetteer lists it (부산, 강원, 서울시).
      const auto entry = LookupGazetteer(place);
      if (entry && entries[*entry].type != EntityType::kPerson) return TitlePosition::kAfter;
      return std::nullopt;
    }
    return std::nullopt;
  }

  // A Korean personal name: a surname and one or two syllables ("김철수", "남궁민", "김구").
  // The cheap tests come first and the long kNotNames list last: most words fail early.
  bool IsKoreanName(std::string_view word) const {
    // 2 to 4 syllables of three bytes each.
    if (word.size() < 6 || word.size() > 12 || !utf8::AllHangulSyllables(word)) return false;
    // Syllables that end places, bodies and verb forms, and almost no given name: 조계사 (a
    // temple), 마천역 (a station), 양재점 (a branch), 도봉군, 경기단, 하겠다, 금자씨.
    static constexpr std::string_view kNoGivenNameEnd[] = {"사", "역", "단", "부", "고", "다",
                                                           "야", "어", "씨", "있", "결", "네",
                                                           "점", "궁", "병", "군", "치"};
    if (InList(kNoGivenNameEnd, word.substr(word.size() - 3))) return false;
    // 나타났, 기약없: a syllable closed by ㅆ or a double consonant is a verb's tense or stem,
    // never the end of a given name.
    size_t at = word.size() - 3;  // the last syllable: three bytes
    static constexpr int kVerbFinals[] = {3, 5, 6, 9, 10, 11, 12, 13, 14, 15, 18, 20};
    if (const int final_consonant = utf8::FinalConsonant(utf8::Next(word, &at));
        std::find(std::begin(kVerbFinals), std::end(kVerbFinals), final_consonant) !=
        std::end(kVerbFinals)) {
      return false;
    }
    const size_t n = Syllables(word);
    for (size_t surname_len : {size_t{2}, size_t{1}}) {
      const size_t given = n > surname_len ? n - surname_len : 0;
      if (given < 1 || given > 2) continue;
      if (surnames.Contains(word.substr(0, PrefixBytes(word, surname_len)))) {
        return !InList(kNotNames, word);
      }
    }
    return false;
  }

  // A dictionary word, or a dictionary word and a one-syllable noun that rarely ends a given
  // name (정부측, 이번주, 사업상).
  // Also a verb stem (이어지 in 이어지는: 이어지다), a prefix and a word (반부패, 이영화 "this
  // film"), and the word itself with its particle (한꺼번에, which a particle split wrongly).
  bool LooksLikeWord(std::string_view word, bool with_prefixes = true) const {
    const auto& words = dictionary_words;
    if (words.Contains(word) || words.Contains(std::string(word) + "다")) return true;
    const size_t one = PrefixBytes(word, 1);
    const size_t two = PrefixBytes(word, 2);
    static constexpr std::string_view kNounTails[] = {
        "측", "주", "간", "상", "적", "내", "외", "용", "급", "별", "들", "씩", "쯤", "회", "차",
        "건", "개", "층", "장", "권", "비", "액", "량", "율", "률", "가", "계", "제", "님", "골",
        "승", "전", "사", "문", "팀", "법", "안", "대", "점", "력", "품", "식", "분", "관", "형",
        "물", "책", "설", "창", "판", "팬", "체", "처", "료", "론", "망", "감", "폭"};
    if (words.Contains(word.substr(0, two)) && InList(kNounTails, word.substr(two))) {
      return true;
    }
    // Surnames that are also prefixes or determiners: 이 (this), 전 (former), 반 (anti-), 신 (new).
    static constexpr std::string_view kPrefixes[] = {
        "이", "그", "전", "한", "각", "매", "총", "현", "모", "대", "신", "구", "고", "소",
        "반", "원", "선", "연", "주", "명", "시", "제", "초", "부", "차", "비", "무", "남"};
    return with_prefixes && InList(kPrefixes, word.substr(0, one)) &&
           words.Contains(word.substr(one));
  }

  // A word some list already reads: the general dictionary (LooksLikeWord), a gazetteer's form,
  // a title or a surname.
  bool IsKnownWord(std::string_view word) const {
    return LooksLikeWord(word) || LookupGazetteer(word).has_value() || Title(word).has_value() ||
           surnames.Contains(word);
  }

  bool IsSurnameAlone(std::string_view word) const {
    return utf8::AllHangulSyllables(word) && Syllables(word) == 1 && surnames.Contains(word) &&
           !InList(kSurnameOnlyStops, word);
  }
};

// A word ending in 은 or 을 after a syllable without a final consonant (정하은, 이수을): no verb
// form, since the adnominal endings 은 and 을 follow a consonant (하다 → 한, 할).
bool ImpossibleAdnominal(std::string_view word) {
  std::vector<char32_t> syllables;
  size_t pos = 0;
  while (pos < word.size()) syllables.push_back(utf8::Next(word, &pos));
  if (syllables.size() < 2) return false;
  const char32_t last = syllables.back();
  const char32_t before = syllables[syllables.size() - 2];
  if (last != U'은' && last != U'을') return false;
  return utf8::IsHangulSyllable(before) && (before - 0xAC00) % 28 == 0;
}

// A syllable with the final consonant ㄴ (한, 온, 간): also the adnominal form of a verb.
bool EndsInNieun(std::string_view word) {
  char32_t last = 0;
  size_t pos = 0;
  while (pos < word.size()) last = utf8::Next(word, &pos);
  return utf8::IsHangulSyllable(last) && (last - 0xAC00) % 28 == 4;
}

// The per-document work of Recognize: candidates from the rules and the gazetteers, then a
// longest-first choice of non-overlapping mentions.
class DocumentPass {
 public:
  DocumentPass(const RecognizerData& impl, Document* doc) : impl_(impl), doc_(*doc) {}

  void Run() {
    ComputeBases();
    ParenthesisRules();
    TitleRules();
    BareNames();
    ForeignFirstNames();
    SuffixRules();
    DescribedOrganizations();
    AcronymOrganizations();
    GluedPlaces();
    AddressForms();
    AddPartialForms();
    ForeignNameCandidates();
    DictionaryScan();
    MisspelledNames();
    Resolve();
  }

 private:
  // An actor of this document before the final choice of mentions.
  struct Proto {
    EntityType type = EntityType::kPerson;
    std::string name;
    std::vector<std::string> aliases;
    std::optional<uint32_t> entry;  // the gazetteer entry it comes from
    NameKind kind = NameKind::kFull;
    // A surname that is also a common word (한 교수 "a professor") or a rare two-syllable one
    // (동방 "the east"): a person only when it links to a full name with the same title.
    bool link_only = false;
  };
  struct Candidate {
    Span span;
    uint32_t proto = 0;
    int priority = kRule;
  };

  std::string_view Text(Span s) const { return doc_.Text(s); }
  std::string_view Text(size_t begin, size_t end) const {
    return std::string_view(doc_.text).substr(begin, end - begin);
  }

  // The token without its trailing particle or ending (알트먼의 → 알트먼, 오픈AI입니다 → 오픈AI).
  Span BaseOf(const Token& t) const {
    for (size_t i = 1; i < t.parts.size(); ++i) {
      const TokenTag tag = t.parts[i].tag;
      if (tag == TokenTag::kParticle || tag == TokenTag::kEnding || tag == TokenTag::kPredicate ||
          tag == TokenTag::kSymbol) {
        return Span{t.span.begin, t.parts[i].span.begin};
      }
    }
    return t.span;
  }

  std::string_view Rest(size_t i) const { return Text(bases_[i].end, doc_.tokens[i].span.end); }

  void ComputeBases() {
    bases_.reserve(doc_.tokens.size());
    for (const Token& t : doc_.tokens) bases_.push_back(BaseOf(t));
    base_titles_.assign(doc_.tokens.size(), kTitleUnknown);
  }

  // Title(base of token t), looked up once: the title rules ask it of a token from its
  // neighbours several times over.
  std::optional<TitlePosition> BaseTitle(size_t t) const {
    uint8_t& known = base_titles_[t];
    if (known == kTitleUnknown) {
      const auto pos = impl_.Title(Text(bases_[t]));
      known = pos ? static_cast<uint8_t>(*pos) : kNoTitle;
    }
    if (known == kNoTitle) return std::nullopt;
    return static_cast<TitlePosition>(known);
  }

  // True when only white space separates token a from token a + 1 in the same sentence.
  bool Adjacent(size_t a) const {
    if (a + 1 >= doc_.tokens.size()) return false;
    const Token& x = doc_.tokens[a];
    const Token& y = doc_.tokens[a + 1];
    if (x.sentence != y.sentence) return false;
    for (uint32_t p = x.span.end; p < y.span.begin; ++p) {
      if (!IsAsciiSpace(doc_.text[p])) return false;
    }
    return true;
  }
  bool SpaceBetween(size_t a) const {
    return Adjacent(a) && doc_.tokens[a].span.end < doc_.tokens[a + 1].span.begin;
  }

  // A whole word of Hangul (no particle) in token i.
  bool IsBareHangulWord(size_t i) const {
    const Token& t = doc_.tokens[i];
    return bases_[i] == t.span && utf8::AllHangulSyllables(Text(t.span));
  }

  bool IsLatinWord(size_t i) const {
    const std::string_view w = Text(doc_.tokens[i].span);
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return utf8::IsAsciiAlpha(static_cast<unsigned char>(c)) ||
             utf8::IsAsciiDigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '&';
    });
  }

  // The token that ends exactly at byte `end`, if any.
  std::optional<size_t> TokenEndingAt(size_t end) const {
    const auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), end,
                                     [](const Token& t, size_t e) { return t.span.end < e; });
    if (it == doc_.tokens.end() || it->span.end != end) return std::nullopt;
    return static_cast<size_t>(it - doc_.tokens.begin());
  }
  std::optional<size_t> TokenStartingAt(size_t begin) const {
    const auto it = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), begin,
                                     [](const Token& t, size_t b) { return t.span.begin < b; });
    if (it == doc_.tokens.end() || it->span.begin != begin) return std::nullopt;
    return static_cast<size_t>(it - doc_.tokens.begin());
  }

  uint32_t ProtoForEntry(uint32_t entry) {
    const auto it = entry_proto_.find(entry);
    if (it != entry_proto_.end()) return it->second;
    const GazEntry& e = impl_.entries[entry];
    protos_.push_back(Proto{e.type, e.name, {}, entry});
    const auto index = static_cast<uint32_t>(protos_.size() - 1);
    entry_proto_.emplace(entry, index);
    local_forms_.Add(Key(e.name), index);
    return index;
  }

  // The document's actor named `name`: an existing one (by any of its names) or a new one.
  uint32_t ProtoNamed(EntityType type, std::string_view name) {
    const std::string key = Key(name);
    if (const uint32_t* known = local_forms_.Find(key)) return *known;
    if (const auto entry = impl_.LookupGazetteer(name)) return ProtoForEntry(*entry);
    protos_.push_back(Proto{type, std::string(name), {}, std::nullopt});
    const auto index = static_cast<uint32_t>(protos_.size() - 1);
    local_forms_.Add(key, index);
    return index;
  }

  void AddAlias(uint32_t proto, std::string_view alias) {
    Proto& p = protos_[proto];
    const std::string key = Key(alias);
    if (key.empty() || key == Key(p.name)) return;
    local_forms_.Add(key, proto);
    for (const auto& a : p.aliases) {
      if (Key(a) == key) return;
    }
    p.aliases.emplace_back(alias);
  }

  void AddCandidate(Span span, uint32_t proto, int priority) {
    if (span.empty()) return;
    candidates_.push_back(Candidate{span, proto, priority});
  }

  // The longest gazetteer name that ends exactly at byte `end`, over up to kMaxNameTokens tokens
  // that end with token `last`.
  std::optional<std::pair<Span, uint32_t>> GazetteerEndingAt(size_t last, size_t end) const {
    std::optional<std::pair<Span, uint32_t>> best;
    size_t first = last;
    for (size_t n = 0; n < kMaxNameTokens; ++n) {
      const Span span{doc_.tokens[first].span.begin, static_cast<uint32_t>(end)};
      if (const auto entry = impl_.LookupGazetteer(Text(span))) best = {span, *entry};
      if (first == 0 || !Adjacent(first - 1)) break;
      --first;
    }
    return best;
  }

  // ---------------------------------------------------------------- parentheses
  // 미라 무라티(Mira Murati), OpenAI(이하, 오픈AI), 이투데이(etoday): a name, then in parentheses
  // another form of it.
  void ParenthesisRules() {
    const std::string& text = doc_.text;
    for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
      if (open == 0 || IsAsciiSpace(text[open - 1])) continue;
      // Only the first kMaxParenBytes bytes can hold a ')' the rules take: searching further
      // would walk the rest of the text for every '(' of a run of them.
      const size_t close =
          std::string_view(text).substr(0, open + kMaxParenBytes + 1).find(')', open + 1);
      if (close == std::string::npos) continue;
      const auto before = TokenEndingAt(open);
      if (!before) continue;
      std::string_view inner = Text(open + 1, close);
      const size_t inner_begin = open + 1;
      if (inner.substr(0, 6) == "이하") {
        ThereafterRule(*before, open, inner_begin, close);
      } else if (CountryInParentheses(inner)) {
        NameWithCountry(*before);
      } else {
        LatinNameRule(*before, open, inner_begin, close);
      }
    }
  }

  // X(이하 Y): Y is the short name of X from here on.
  // (미국), (스웨덴·27), (브라질/바르셀로나): a country first in parentheses, as sports and world
  // news give a person's nationality.
  bool CountryInParentheses(std::string_view inner) const {
    size_t end = inner.size();
    for (std::string_view mark : {"/", ",", "·", "ㆍ"}) end = std::min(end, inner.find(mark));
    const auto entry = impl_.LookupGazetteer(inner.substr(0, end));
    return entry && impl_.entries[*entry].country;
  }

  // 더스틴 존슨(미국), 헨리크 스텐손(스웨덴): the words right before a nationality in
  // parentheses name a person, when none of them is a word of the dictionary or a listed name.
  void NameWithCountry(size_t last) {
    if (impl_.dictionary_words.empty() || bases_[last] != doc_.tokens[last].span ||
        !IsForeignNameWord(last)) {
      return;
    }
    size_t first = last;
    while (first > 0 && last - first < 2 && SpaceBetween(first - 1) &&
           bases_[first - 1] == doc_.tokens[first - 1].span && IsForeignNameWord(first - 1)) {
      --first;
    }
    const Span span{doc_.tokens[first].span.begin, doc_.tokens[last].span.end};
    if (impl_.LookupGazetteer(Text(span))) return;  // a listed name: the scan reads it
    AddCandidate(span, ProtoNamed(EntityType::kPerson, Text(span)), kRule);
  }
  // A word of a foreign name (더스틴, 존): Hangul, no word, title, listed name or particle. Unlike
  // LooksLikeForeignName it takes one syllable (폴 고이도스, 테레사 루).
  bool IsForeignNameWord(size_t t) const {
    const std::string_view word = Text(bases_[t]);
    return utf8::AllHangulSyllables(word) && !LooksLikeWord(word) && !BaseTitle(t) &&
           !impl_.LookupGazetteer(word).has_value() &&
           !(impl_.analyzer && impl_.analyzer->IsParticle(word));
  }

  void ThereafterRule(size_t before, size_t open, size_t inner_begin, size_t close) {
    size_t b = inner_begin + 6;  // after 이하
    auto skippable = [&](size_t p) {
      const char c = doc_.text[p];
      return IsAsciiSpace(c) || c == ',' || c == ':' || c == '\'' || c == '"';
    };
    while (b < close && skippable(b)) ++b;
    size_t e = close;
    while (e > b && (IsAsciiSpace(doc_.text[e - 1]) || doc_.text[e - 1] == '\'' ||
                     doc_.text[e - 1] == '"')) {
      --e;
    }
    // Typographic quotes ‘’“” are three bytes each.
    auto strip_quote = [&](bool front) {
      static constexpr std::string_view kQuotes[] = {"‘", "’", "“", "”", "「", "」"};
      for (std::string_view q : kQuotes) {
        if (e - b < q.size()) continue;
        if (front && Text(b, b + q.size()) == q) {
          b += q.size();
          return;
        }
        if (!front && Text(e - q.size(), e) == q) {
          e -= q.size();
          return;
        }
      }
    };
    strip_quote(true);
    strip_quote(false);
    if (b >= e || e - b > 40) return;
    const std::string_view short_name = Text(b, e);
    if (std::count(short_name.begin(), short_name.end(), ' ') > 2) return;

    // X: the longest gazetteer name ending at '(', else the word before it.
    Span x_span{doc_.tokens[before].span.begin, static_cast<uint32_t>(open)};
    // A Latin name runs over several words (Acme Robotics(이하 애크미)).
    for (size_t t = before;
         t > 0 && SpaceBetween(t - 1) && IsLatinWord(t - 1) && IsLatinWord(t) && before - t < 4;
         --t) {
      x_span.begin = doc_.tokens[t - 1].span.begin;
    }
    std::optional<uint32_t> proto;
    if (const auto gaz = GazetteerEndingAt(before, open)) {
      x_span = gaz->first;
      proto = ProtoForEntry(gaz->second);
    } else if (const auto entry = impl_.LookupGazetteer(short_name)) {
      proto = ProtoForEntry(*entry);
    } else {
      const std::string_view x = Text(x_span);
      if (!Suffix(impl_.org_suffixes, x) && !Suffix(impl_.org_suffixes, short_name) &&
          !HasAsciiAlpha(x)) {
        return;  // a law, a term or a title: no actor
      }
      // The Hangul form is the name Korean text goes on with.
      const bool short_is_hangul = !HasAsciiAlpha(short_name);
      proto = ProtoNamed(EntityType::kOrg, short_is_hangul ? short_name : x);
      AddAlias(*proto, short_is_hangul ? x : short_name);
    }
    AddAlias(*proto, Text(x_span));
    AddAlias(*proto, short_name);
    AddCandidate(x_span, *proto, kRule);
    AddCandidate(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)}, *proto, kRule);
  }

  static const SuffixRule* Suffix(const SuffixList& list, std::string_view word) {
    return list.Match(word);
  }

  // 미라 무라티(Mira Murati): a Hangul name and its Latin original.
  void LatinNameRule(size_t before, size_t open, size_t inner_begin, size_t close) {
    // The Latin name runs to the first ',' or ';' (에밋 시어(Emmett Shear, 트위치 공동설립자)).
    size_t latin_end = inner_begin;
    while (latin_end < close && doc_.text[latin_end] != ',' && doc_.text[latin_end] != ';') {
      ++latin_end;
    }
    std::string_view latin = Text(inner_begin, latin_end);
    while (!latin.empty() && IsAsciiSpace(latin.back())) latin.remove_suffix(1);
    if (latin.empty() || !utf8::IsAsciiAlpha(static_cast<unsigned char>(latin.front()))) return;
    std::vector<std::string_view> words;
    bool capitalized = true;
    bool org_word = false;
    bool not_person_word = false;
    for (size_t p = 0; p < latin.size();) {
      size_t q = latin.find(' ', p);
      if (q == std::string_view::npos) q = latin.size();
      const std::string_view w = latin.substr(p, q - p);
      p = q + 1;
      if (w.empty()) continue;
      for (char c : w) {
        if (!(utf8::IsAsciiAlpha(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
              c == '\'' || c == '&' || utf8::IsAsciiDigit(static_cast<unsigned char>(c)))) {
          return;  // not a name written in Latin letters
        }
      }
      if (!(w.front() >= 'A' && w.front() <= 'Z')) capitalized = false;
      const std::string lower = LowerAscii(w);
      if (InList(kLatinOrgWords, lower)) org_word = true;
      if (InList(kLatinNotPersonWords, lower)) not_person_word = true;
      words.push_back(w);
    }
    if (words.empty() || words.size() > 6) return;
    const Span latin_span{static_cast<uint32_t>(inner_begin),
                          static_cast<uint32_t>(inner_begin + latin.size())};

    // The Hangul words before '(': as many as the Latin name has (무라티 ← Murati), at most 3.
    std::vector<size_t> hangul;
    for (size_t t = before;; --t) {
      if (!IsBareHangulWord(t) &&
          !(t == before && bases_[t].end == open && utf8::AllHangulSyllables(Text(bases_[t])))) {
        break;
      }
      hangul.insert(hangul.begin(), t);
      if (hangul.size() >= std::min<size_t>(words.size(), 3) || t == 0 || !SpaceBetween(t - 1)) {
        break;
      }
    }
    if (doc_.tokens[before].span.end != open) return;  // a particle sits before '('

    // Known names first: either side may be in a gazetteer.
    const auto gaz_before = GazetteerEndingAt(before, open);
    const auto gaz_latin = impl_.LookupGazetteer(latin);
    if (gaz_before || gaz_latin) {
      const uint32_t proto =
          gaz_before ? ProtoForEntry(gaz_before->second) : ProtoForEntry(*gaz_latin);
      AddAlias(proto, latin);
      AddCandidate(latin_span, proto, kLocal);
      if (gaz_before) {
        AddCandidate(gaz_before->first, proto, kGazetteer);
      } else if (!hangul.empty()) {
        const Span hs{doc_.tokens[hangul.front()].span.begin, static_cast<uint32_t>(open)};
        AddAlias(proto, Text(hs));
        AddCandidate(hs, proto, kLocal);
      }
      return;
    }
    if (hangul.empty() || !capitalized) return;
    const Span hangul_span{doc_.tokens[hangul.front()].span.begin, static_cast<uint32_t>(open)};
    const std::string_view hangul_name = Text(hangul_span);
    std::optional<EntityType> type;
    if (org_word || Suffix(impl_.org_suffixes, Text(bases_[before]))) {
      type = EntityType::kOrg;
    } else if (!not_person_word && words.size() >= 2 && words.size() <= 3 &&
               (hangul.size() == words.size() ||
                (hangul.size() == 1 && Syllables(hangul_name) >= 3) ||
                TitleBefore(hangul.front()))) {
      type = EntityType::kPerson;
    } else if (words.size() == 1 && (TitleBefore(hangul.front()) || TitleAfterParen(close))) {
      type = EntityType::kPerson;
    }
    if (!type) return;
    const uint32_t proto = ProtoNamed(*type, hangul_name);
    AddAlias(proto, latin);
    AddCandidate(hangul_span, proto, kLocal);
    AddCandidate(latin_span, proto, kLocal);
  }

  // A title right before token t (CTO 미라 무라티, 의장 브렛 테일러).
  bool TitleBefore(size_t t) const {
    if (t == 0 || !Adjacent(t - 1)) return false;
    const Token& prev = doc_.tokens[t - 1];
    if (bases_[t - 1] != prev.span) return false;
    const auto pos = BaseTitle(t - 1);
    return pos && *pos != TitlePosition::kAfter;
  }
  // A title right after ')' (에밋 시어(Emmett Shear) 대표).
  bool TitleAfterParen(size_t close) const {
    const auto t = TokenStartingAt(close + 2);
    if (!t || doc_.text[close + 1] != ' ') return false;
    const auto pos = BaseTitle(*t);
    return pos && *pos != TitlePosition::kBefore;
  }

  // ---------------------------------------------------------------- titles
  // The title that follows token i (김철수 대표, 김철수 전 대표, 박 대통령), if any. With
  // `affiliation`, the body the person belongs to may come first, as news writes a full name:
  // 최민아 신임 과학기술정보통신부 장관, 김철수 한빛전자 대표.
  std::optional<std::string_view> TitleWordAfter(size_t i, bool affiliation = false) const {
    size_t t = i;
    bool body_seen = false;
    for (int hops = 0; hops < 3; ++hops) {
      if (!Adjacent(t)) return std::nullopt;
      ++t;
      const std::string_view word = Text(bases_[t]);
      if (const auto pos = BaseTitle(t); pos && *pos != TitlePosition::kBefore) return word;
      const bool bare = bases_[t] == doc_.tokens[t].span;
      if (affiliation && !body_seen && bare && IsBody(t)) {
        body_seen = true;
        continue;
      }
      if (!InList(kTitleModifiers, Text(doc_.tokens[t].span))) return std::nullopt;
    }
    return std::nullopt;
  }
  bool TitleAfter(size_t i, bool affiliation = false) const {
    return TitleWordAfter(i, affiliation).has_value();
  }

  // The base of token t is an organization's name: listed, or a Hangul word with an organization
  // suffix (한빛전자).
  bool IsBody(size_t t) const {
    const std::string_view word = Text(bases_[t]);
    if (const auto entry = impl_.LookupGazetteer(word)) {
      return impl_.entries[*entry].type == EntityType::kOrg;
    }
    return utf8::AllHangulSyllables(word) && !InList(kNotOrgs, word) && Syllables(word) >= 3 &&
           Suffix(impl_.org_suffixes, word) != nullptr && !BaseTitle(t);
  }

  // The title right before token t (의장 브렛 테일러), if any.
  std::optional<std::string_view> TitleWordBefore(size_t t) const {
    if (!TitleBefore(t)) return std::nullopt;
    return Text(doc_.tokens[t - 1].span);
  }

  // A surname standing alone before a title (김 대표, 남궁 대표) or an honorific (박씨). A surname
  // that is also a common word (한 "one", 정 "very") or a two-syllable one needs the document's
  // full name to confirm it; 전 and 현 before a title mean "former" and "current".
  std::optional<bool> SurnameAloneLinkOnly(std::string_view word) const {
    if (!utf8::AllHangulSyllables(word) || !impl_.surnames.Contains(word)) return std::nullopt;
    if (InList(kTitleModifiers, word)) return std::nullopt;
    if (impl_.IsSurnameAlone(word)) return false;
    return true;
  }

  // 한 교수 는, 박씨: the document's one actor for a surname written alone. Not a local form: the
  // same syllable elsewhere (이 책, 이같이) is no name.
  uint32_t SurnameProto(std::string_view surname, bool link_only) {
    if (const uint32_t* known = surname_protos_.Find(surname)) {
      protos_[*known].link_only = protos_[*known].link_only && link_only;
      return *known;
    }
    const uint32_t index = NewProto(EntityType::kPerson, surname, NameKind::kSurname);
    protos_[index].link_only = link_only;
    surname_protos_.Add(surname, index);
    return index;
  }

  // A Korean name found by a title rule: a two-syllable one may be a given name (지현 부사장).
  uint32_t KoreanNameProto(std::string_view word) {
    const size_t before = protos_.size();
    const uint32_t index = ProtoNamed(EntityType::kPerson, word);
    if (index >= before && Syllables(word) == 2) protos_[index].kind = NameKind::kGiven;
    return index;
  }

  void TitleRules() {
    const size_t n = doc_.tokens.size();
    for (size_t i = 0; i < n; ++i) {
      const Span base = bases_[i];
      const std::string_view word = Text(base);
      if (word.empty() || !utf8::AllHangulSyllables(word)) {
        // A(57)씨, 김모(33)씨: an initial or a surname, an age, then the honorific.
        AgeHonorific(i);
        continue;
      }
      // Attached honorific: 홍길동씨는, 박씨의, 김모씨.
      if (const std::string_view tail = "씨"; word.size() > tail.size() &&
                                              word.substr(word.size() - tail.size()) == tail &&
                                              !InList(kNotHonorific, word)) {
        std::string_view stem = word.substr(0, word.size() - tail.size());
        bool withheld = false;
        if (Syllables(stem) == 2 && stem.substr(stem.size() - 3) == "모") {
          stem = stem.substr(0, stem.size() - 3);  // 김모씨: Mr. Kim, name withheld
          withheld = true;
        }
        const bool surname = Syllables(stem) == 1 && impl_.surnames.Contains(stem);
        if (impl_.IsKoreanName(stem) || surname) {
          const Span s{base.begin, static_cast<uint32_t>(base.begin + stem.size())};
          uint32_t proto = 0;
          if (withheld) {
            proto = NewProto(EntityType::kPerson, stem, NameKind::kWithheld);
          } else if (surname) {
            proto = SurnameProto(stem, /*link_only=*/false);  // the honorific confirms it
          } else {
            proto = KoreanNameProto(stem);
          }
          AddCandidate(s, proto, kRule);
          continue;
        }
      }
      if (Syllables(word) >= 2 && BaseTitle(i)) continue;  // a title is no name
      // 정하은 기자: a full name before its title that the analyzer read as a verb (정하 + 은),
      // which it cannot be: the adnominal 은 and 을 follow a consonant only (하다 → 한).
      if (const std::string_view whole = Text(doc_.tokens[i].span);
          base != doc_.tokens[i].span && utf8::AllHangulSyllables(whole) && Syllables(whole) == 3 &&
          ImpossibleAdnominal(whole) && impl_.IsKoreanName(whole) &&
          TitleAfter(i, /*affiliation=*/true)) {
        AddCandidate(doc_.tokens[i].span, KoreanNameProto(whole), kRule);
        continue;
      }
      // 김철수 대표: the name stands bare before its title (not 이유로 CEO를).
      std::optional<std::string_view> title_after =
          base == doc_.tokens[i].span ? TitleWordAfter(i) : std::nullopt;
      if (!title_after && base == doc_.tokens[i].span && Syllables(word) == 3 &&
          impl_.IsKoreanName(word)) {
        title_after = TitleWordAfter(i, /*affiliation=*/true);
      }
      const bool after = title_after.has_value();
      // 배우 김혜수가: a title, then a name that a particle or a mark closes (not 대통령 시절인).
      const bool closed =
          (base != doc_.tokens[i].span && impl_.analyzer && impl_.analyzer->IsParticle(Rest(i))) ||
          (i + 1 < doc_.tokens.size() && !Adjacent(i)) ||
          (i + 1 < doc_.tokens.size() && doc_.tokens[i + 1].tag == TokenTag::kSymbol);
      // 정 의원 지역구가: a title that already follows a surname heads no second name. (After a
      // longer word the word may be the common noun: 가운데 배우 한지민이; a syllable in ㄴ may be
      // a verb: 함께해 온 주장 양동근은.)
      const std::string_view two_back = i >= 2 ? Text(bases_[i - 2]) : std::string_view();
      const bool title_taken = i >= 2 && Adjacent(i - 2) &&
                               bases_[i - 2] == doc_.tokens[i - 2].span &&
                               SurnameAloneLinkOnly(two_back).has_value() && !EndsInNieun(two_back);
      const bool before = i > 0 && TitleBefore(i) && Syllables(word) == 3 && closed && !title_taken;
      if (!after && !before) {
        AgeHonorific(i);
        continue;
      }
      if (impl_.IsKoreanName(word)) {
        // 상대 투수, 선발 투수, 음반 프로듀서: a common word before a title names no one.
        if (!IsCommonWordBeforeTitle(word)) AddCandidate(base, KoreanNameProto(word), kRule);
      } else if (const auto link_only = SurnameAloneLinkOnly(word); after && link_only) {
        // 이 선수들 is "these players": one person takes no plural title.
        const std::string_view plural = "들";
        const auto title_end =
            static_cast<size_t>(title_after->data() - doc_.text.data()) + title_after->size();
        if ((title_after->size() > plural.size() &&
             title_after->substr(title_after->size() - plural.size()) == plural) ||
            std::string_view(doc_.text).substr(title_end, plural.size()) == plural) {
          continue;
        }
        AddCandidate(base, SurnameProto(word, *link_only), kRule);
      } else if (after && LooksLikeForeignName(i) && !PluralTitle(*title_after)) {
        // 도나 마셜 교수: a foreign name runs over the word before it when that one is a name too.
        Span span = base;
        if (i > 0 && SpaceBetween(i - 1) && LooksLikeForeignName(i - 1)) {
          span.begin = doc_.tokens[i - 1].span.begin;
        }
        // The actor is chosen once the document's full names are known (카터 after 제임스 카터).
        pending_foreign_.push_back(span);
      }
    }
  }

  // A word of the general dictionary shaped like a Korean name (상대, 선발, 마무리). Two
  // syllables also count with a noun tail or a prefix (LooksLikeWord); a three-syllable name is
  // refused only as a whole word, since many real names split into a prefix and a word (이상민).
  bool IsCommonWordBeforeTitle(std::string_view word) const {
    if (impl_.dictionary_words.empty()) return false;
    return Syllables(word) == 2 ? LooksLikeWord(word) : impl_.dictionary_words.Contains(word);
  }

  // 선수들, 의원들: a title in the plural follows a group, not one person's name.
  bool PluralTitle(std::string_view title) const {
    const std::string_view plural = "들";
    const auto end = static_cast<size_t>(title.data() - doc_.text.data()) + title.size();
    return (title.size() > plural.size() && title.substr(title.size() - plural.size()) == plural) ||
           std::string_view(doc_.text).substr(end, plural.size()) == plural;
  }

  // A foreign name written in Hangul before a title (매티스 장관, 클린턴 전 장관): a bare word of
  // two to five syllables that the general dictionary does not know, that no gazetteer lists, and
  // that ends in no organization or place suffix. Without a dictionary the rule stays off.
  bool LooksLikeForeignName(size_t i) const {
    if (impl_.dictionary_words.empty() || bases_[i] != doc_.tokens[i].span) return false;
    const std::string_view word = Text(bases_[i]);
    if (!utf8::AllHangulSyllables(word)) return false;
    const size_t n = Syllables(word);
    if (n < 2 || n > 5 || BaseTitle(i)) return false;
    if (InList(kNotNames, word) || LooksLikeWord(word) || impl_.LookupGazetteer(word)) {
      return false;
    }
    if (Suffix(impl_.org_suffixes, word) || Suffix(impl_.loc_suffixes, word)) return false;
    const std::string_view last = word.substr(PrefixBytes(word, n - 1));
    if (InList(kNotForeignNameEnds, last)) return false;
    // 뛰어난, 잊혀진: a verb's adnominal form (뛰어나다, 잊혀지다) the analyzer left whole.
    return !VerbAdnominal(word);
  }

  // The word is a dictionary verb's stem and a one-syllable ending (지키라 ← 지키다).
  bool VerbForm(std::string_view word) const {
    const size_t n = Syllables(word);
    if (n < 2) return false;
    std::string stem(word.substr(0, PrefixBytes(word, n - 1)));
    stem += "다";
    return impl_.dictionary_words.Contains(stem);
  }

  // The word is a dictionary verb with ㄴ or ㄹ added to its last syllable (뛰어난 ← 뛰어나다).
  bool VerbAdnominal(std::string_view word) const {
    size_t last_begin = 0;
    char32_t last = 0;
    for (size_t pos = 0; pos < word.size();) {
      last_begin = pos;
      last = utf8::Next(word, &pos);
    }
    const char32_t final_consonant = (last - 0xAC00) % 28;
    if (final_consonant != 4 && final_consonant != 8) return false;  // ㄴ, ㄹ
    std::string stem(word.substr(0, last_begin));
    utf8::Append(last - final_consonant, &stem);
    stem += "다";
    return impl_.dictionary_words.Contains(stem);
  }

  // A Korean full name with no cue around it ("문성민은", "김현수·박병호"): a surname and two
  // syllables that make no word of the general dictionary, closed by a particle or a list mark.
  // Without a dictionary to tell words from names, the rule stays off.
  void BareNames() {
    if (impl_.dictionary_words.empty()) return;
    const size_t n = doc_.tokens.size();
    for (size_t i = 0; i < n; ++i) {
      const Span base = bases_[i];
      const std::string_view word = Text(base);
      if (GluedFullNameAndTitle(base)) continue;
      if (!utf8::AllHangulSyllables(word) || Syllables(word) != 3 || !impl_.IsKoreanName(word))
        continue;
      const std::string_view surname = word.substr(0, PrefixBytes(word, 1));
      if (!impl_.common_surnames.Contains(surname)) continue;
      // 박기자, 남경사: a surname glued to a title names the person by the surname (not the
      // words 천주교, 강타자).
      if (impl_.Title(word.substr(surname.size())) && !impl_.dictionary_words.Contains(word)) {
        AddCandidate(Span{base.begin, static_cast<uint32_t>(base.begin + surname.size())},
                     SurnameProto(surname, /*link_only=*/false), kRuleWeak);
        continue;
      }
      const bool particle =
          base != doc_.tokens[i].span && impl_.analyzer && impl_.analyzer->IsParticle(Rest(i));
      // 이수경을, 신성현과: the commonest surnames that are also a determiner or a prefix (이
      // "this", 신 "new", 고 "late") before a word make a name when a particle closes the three
      // syllables (news writes 이 영화 apart).
      const bool name_first = particle && (surname == "이" || surname == "신" || surname == "고");
      if (LooksLikeWord(word, /*with_prefixes=*/!name_first) ||
          LooksLikeWord(Text(doc_.tokens[i].span))) {
        continue;
      }
      // 송파구 신천동, 보령시 신흑동: after a place, a word ending like a neighbourhood or a
      // town is the next unit of the address.
      if (i > 0 && Adjacent(i - 1) && SpaceBetween(i - 1) && IsPlace(i - 1) &&
          EndsWithAny(word, kAddressUnitEnds)) {
        continue;
      }
      const bool bare = base == doc_.tokens[i].span;
      const bool listed =
          bare && i + 1 < n && Adjacent(i) && IsListMark(Text(doc_.tokens[i + 1].span));
      // 박명환(10승), 이경수(29 · LIG), (송진우): a mark right after the name closes it.
      const bool marked = bare && i + 1 < n && Adjacent(i) && !SpaceBetween(i) &&
                          doc_.tokens[i + 1].tag == TokenTag::kSymbol &&
                          Text(doc_.tokens[i + 1].span) != ".";
      // 장혁 신민아 권상우: names in a row, separated by spaces only.
      const bool row = bare && ((i + 1 < n && SpaceBetween(i) && BareKoreanName(i + 1)) ||
                                (i > 0 && SpaceBetween(i - 1) && BareKoreanName(i - 1)));
      // 봉태규 하시시박, 김도진 신임 기업은행장: a name alone before another word, when nothing
      // else reads it.
      const bool spaced = bare && i + 1 < n && SpaceBetween(i) && PlausibleBareName(word);
      if (!particle && !listed && !marked && !row && !spaced) continue;
      // 지키라, 만나자, 이르기까지: a verb's stem and an ending, not a name. Before a particle
      // only an ending that takes one (이르기까지) counts: 강하늘은 is a name, not 강하다.
      static constexpr std::string_view kEndingsBeforeParticles[] = {"기", "음", "게", "서", "고"};
      if ((marked || row ||
           (particle && InList(kEndingsBeforeParticles, word.substr(PrefixBytes(word, 2))))) &&
          VerbForm(word)) {
        continue;
      }
      AddCandidate(base, KoreanNameProto(word), kRuleWeak);
    }
  }

  // 맷 데이먼은, 제니퍼 로페즈, 나카무라 슌스케: a listed foreign first name (or a Japanese family
  // name) and the word after it, which no dictionary or list knows, are one person's name; a
  // third such word joins when it closes the name. A first name that is also a common word (밥,
  // 조) needs the name closed by a particle, a mark or a title.
  void ForeignFirstNames() {
    if (impl_.dictionary_words.empty() || impl_.foreign_names.empty()) return;
    const size_t n = doc_.tokens.size();
    auto unknown = [&](size_t k) {
      const std::string_view w = Text(bases_[k]);
      return UnknownNameWord(w) && !VerbAdnominal(w) && !impl_.foreign_names.Contains(w);
    };
    auto closed = [&](size_t k) {
      if (bases_[k] != doc_.tokens[k].span) {
        return impl_.analyzer && impl_.analyzer->IsParticle(Rest(k));
      }
      if (k + 1 >= n || !Adjacent(k)) return true;
      if (!SpaceBetween(k)) return doc_.tokens[k + 1].tag == TokenTag::kSymbol;
      return impl_.Title(Text(bases_[k + 1])).has_value();
    };
    for (size_t i = 0; i + 1 < n; ++i) {
      const std::string_view first = Text(doc_.tokens[i].span);
      if (bases_[i] != doc_.tokens[i].span || !impl_.foreign_names.Contains(first)) continue;
      if (!Adjacent(i) || !SpaceBetween(i) || !unknown(i + 1)) continue;
      // A name word preceded by another (제임스 존): the walk starts at the first one.
      if (i > 0 && Adjacent(i - 1) && SpaceBetween(i - 1) &&
          impl_.foreign_names.Contains(Text(doc_.tokens[i - 1].span))) {
        continue;
      }
      size_t last = i + 1;
      if (bases_[last] == doc_.tokens[last].span && !closed(last) && last + 1 < n &&
          Adjacent(last) && SpaceBetween(last) && unknown(last + 1) && closed(last + 1)) {
        ++last;
      }
      const bool common_word = LooksLikeWord(first) || Syllables(first) == 1;
      if (common_word && !closed(last)) continue;
      Span s{doc_.tokens[i].span.begin, bases_[last].end};
      if (Text(s).size() > 3 && Text(s).substr(Text(s).size() - 3) == "씨") s.end -= 3;  // 토드씨
      AddCandidate(s, ProtoNamed(EntityType::kPerson, Text(s)), kRuleWeak);
      i = last;
    }
  }

  // 윤무부교수, 강태승사장은, 이재준군의: a full Korean name written together with the title
  // after it. The name is a common surname and two syllables that make no dictionary word; the
  // whole is no dictionary word either (이사장, 정부대변인).
  bool GluedFullNameAndTitle(Span base) {
    const std::string_view word = Text(base);
    // Four to seven Hangul syllables of three bytes each; the byte count rejects most words.
    if (word.size() < 12 || word.size() > 21 || !utf8::AllHangulSyllables(word)) return false;
    const size_t cut = PrefixBytes(word, 3);
    const std::string_view name = word.substr(0, cut);
    if (!impl_.common_surnames.Contains(name.substr(0, PrefixBytes(name, 1)))) return false;
    const std::string_view title = word.substr(cut);
    const auto position = impl_.Title(title);
    if (!position || *position == TitlePosition::kBefore) return false;
    // 노조위원장, 경제부총리: the title is the tail of a longer one (위원장, 부총리), and the
    // first two syllables are a word (노조, 경제): a body and its office, not a name.
    const size_t two = PrefixBytes(word, 2);
    if (impl_.Title(word.substr(two)) || impl_.dictionary_words.Contains(word.substr(0, two))) {
      return false;
    }
    if (!impl_.IsKoreanName(name) || LooksLikeWord(name) || impl_.dictionary_words.Contains(word) ||
        impl_.LookupGazetteer(name)) {
      return false;
    }
    AddCandidate(Span{base.begin, static_cast<uint32_t>(base.begin + cut)}, KoreanNameProto(name),
                 kRuleWeak);
    return true;
  }

  // Token t is a whole three-syllable Korean name with a common surname and no dictionary word.
  // A three-syllable word read as a name with no cue around it: no verb form or word of the
  // dictionary, its first two syllables no word (이민정, 고아성 need a cue), no ending or particle
  // as its last syllable (나오고, 이라며, 주면서, 나란히) and no copula form (이라는).
  bool PlausibleBareName(std::string_view word) const {
    static constexpr std::string_view kEndingSyllables[] = {
        "고", "며", "지", "게", "자", "기", "서", "면", "니", "록", "라", "까", "요", "다", "던",
        "래", "도", "이", "와", "과", "로", "의", "를", "가", "에", "인", "런", "렇", "히"};
    if (VerbForm(word) || VerbAdnominal(word)) return false;
    if (InList(kEndingSyllables, word.substr(PrefixBytes(word, 2)))) return false;
    if (impl_.dictionary_words.Contains(word.substr(0, PrefixBytes(word, 2)))) return false;
    if (impl_.analyzer && (impl_.analyzer->IsParticle(word) ||
                           impl_.analyzer->IsParticle(word.substr(PrefixBytes(word, 1))))) {
      return false;
    }
    return true;
  }

  bool BareKoreanName(size_t t) const {
    if (bases_[t] != doc_.tokens[t].span) return false;
    const std::string_view word = Text(bases_[t]);
    if (!utf8::AllHangulSyllables(word) || Syllables(word) != 3 || !impl_.IsKoreanName(word))
      return false;
    if (!impl_.common_surnames.Contains(word.substr(0, PrefixBytes(word, 1)))) return false;
    return !LooksLikeWord(word) && !VerbForm(word);
  }

  bool LooksLikeWord(std::string_view word, bool with_prefixes = true) const {
    return impl_.LooksLikeWord(word, with_prefixes);
  }

  static bool IsListMark(std::string_view s) { return s == "·" || s == "," || s == "ㆍ"; }

  // A씨, B군: an initial standing for a withheld name.
  void InitialHonorific(size_t i) {
    const Token& t = doc_.tokens[i];
    const std::string_view word = Text(t.span);
    if (word.empty() || word[0] < 'A' || word[0] > 'Z') return;
    std::string_view after = std::string_view(doc_.text).substr(t.span.begin + 1);
    if (word.size() == 1 && !after.empty() && after[0] == ' ') after.remove_prefix(1);
    if (word.size() > 1 && utf8::IsAsciiAlpha(static_cast<unsigned char>(word[1]))) return;
    for (std::string_view h : {"씨", "군", "양"}) {
      if (after.substr(0, h.size()) == h) {
        AddCandidate(Span{t.span.begin, t.span.begin + 1},
                     NewProto(EntityType::kPerson, word.substr(0, 1), NameKind::kWithheld), kRule);
        return;
      }
    }
  }

  // 김모(33)씨, A(57)씨, 이모(45)군: the name part before an age in parentheses and an honorific;
  // 김철수(45)는, 권하늘(27·여)씨: a Korean name with an age; 니콜 키드먼(47)과, 몰리나(36)와: a
  // name no dictionary knows before an age is a person's too, the age being the cue news gives
  // people (a title or common noun before it, 아버지(58), 감독(45), is no name).
  void AgeHonorific(size_t i) {
    InitialHonorific(i);
    const Token& t = doc_.tokens[i];
    const std::string_view text = doc_.text;
    const size_t open = t.span.end;
    if (open >= text.size() || text[open] != '(') return;
    size_t p = open + 1;
    while (p < text.size() && utf8::IsAsciiDigit(static_cast<unsigned char>(text[p]))) ++p;
    if (p == open + 1 || p - open > 4 || p >= text.size()) return;
    // (33), (33·회사원), (28.수원): the age first, then what news adds about the person.
    size_t close = p;
    const bool dot = text[p] == '.' && p + 1 < text.size() &&
                     !utf8::IsAsciiDigit(static_cast<unsigned char>(text[p + 1]));
    if (text.substr(p, 2) == "·" || dot) {
      close = text.find(')', p);
      if (close == std::string_view::npos || close - p > 60) return;
    } else if (text[p] != ')') {
      return;
    }
    std::string_view after = text.substr(close + 1);
    if (!after.empty() && after.front() == ' ') after.remove_prefix(1);  // 윤모(35) 씨
    bool honorific = false;
    for (std::string_view h : {"씨", "군", "양"}) {
      if (after.substr(0, h.size()) == h) honorific = true;
    }
    std::string_view word = Text(t.span);
    if (!honorific) {
      if (Syllables(word) == 3 && impl_.IsKoreanName(word)) {
        AddCandidate(t.span, ProtoNamed(EntityType::kPerson, word), kRule);
      } else {
        UnknownNameWithAge(i);
      }
      return;
    }
    if (utf8::AllHangulSyllables(word) && Syllables(word) == 2 &&
        word.substr(word.size() - 3) == "모") {
      word = word.substr(0, word.size() - 3);  // 김모: Kim, name withheld
    }
    const bool initial = word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z';
    if (!initial && !impl_.IsKoreanName(word) &&
        !(Syllables(word) == 1 && impl_.surnames.Contains(word))) {
      return;
    }
    const Span s{t.span.begin, static_cast<uint32_t>(t.span.begin + word.size())};
    // An initial or a bare surname names no one beyond this mention: keep it out of linking.
    AddCandidate(s, NewProto(EntityType::kPerson, word, NameKind::kWithheld), kRule);
  }

  // 회장, 공보실장, 안강병원장, 회장인: a title, a compound that ends in one, or a title with the
  // copula's adnominal.
  bool EndsInTitle(std::string_view word) const {
    const size_t n = Syllables(word);
    for (size_t k = 0; k + 1 < n; ++k) {
      const std::string_view tail = word.substr(PrefixBytes(word, k));
      if (impl_.Title(tail)) return true;
      if (tail.size() > 3 && tail.substr(tail.size() - 3) == "인" &&
          impl_.Title(tail.substr(0, tail.size() - 3))) {
        return true;
      }
    }
    return false;
  }

  // A Hangul word of two to six syllables that could be part of a name no list has: no dictionary
  // word or verb form, no title, no word known not to be a name, no organization or place ending.
  bool UnknownNameWord(std::string_view w) const {
    return utf8::AllHangulSyllables(w) && Syllables(w) >= 2 && Syllables(w) <= 6 &&
           !LooksLikeWord(w) && !VerbForm(w) && !EndsInTitle(w) && !InList(kNotNames, w) &&
           !Suffix(impl_.org_suffixes, w) && !Suffix(impl_.loc_suffixes, w);
  }

  // The words before an age in parentheses (token i is the last) that no dictionary, gazetteer or
  // title list knows: one to three Hangul words, a foreign name written in Hangul.
  void UnknownNameWithAge(size_t i) {
    auto unknown = [&](size_t k) {
      const std::string_view w = Text(doc_.tokens[k].span);
      return bases_[k] == doc_.tokens[k].span && UnknownNameWord(w) && !impl_.LookupGazetteer(w);
    };
    if (!unknown(i)) return;
    size_t first = i;
    while (first > 0 && i - first < 2 && SpaceBetween(first - 1) && Adjacent(first - 1) &&
           doc_.tokens[first - 1].tag != TokenTag::kSymbol && unknown(first - 1)) {
      --first;
    }
    const Span s{doc_.tokens[first].span.begin, doc_.tokens[i].span.end};
    AddCandidate(s, ProtoNamed(EntityType::kPerson, Text(s)), kRuleWeak);
  }

  uint32_t NewProto(EntityType type, std::string_view name, NameKind kind = NameKind::kFull) {
    protos_.push_back(Proto{type, std::string(name), {}, std::nullopt, kind});
    return static_cast<uint32_t>(protos_.size() - 1);
  }

  // ---------------------------------------------------------------- suffixes
  void SuffixRules() {
    const size_t n = doc_.tokens.size();
    for (size_t i = 0; i < n; ++i) {
      const Span base = bases_[i];
      const std::string_view word = Text(base);
      if (word.empty()) continue;
      // A name in Latin letters alone (CJ) carries no Korean suffix.
      if (std::none_of(word.begin(), word.end(),
                       [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; })) {
        continue;
      }
      // Organizations: 롯데그룹, 한국지질자원연구원, CJ그룹. The rare suffix match goes before the
      // long kNotOrgs list and the gazetteer.
      if (const auto* s = Suffix(impl_.org_suffixes, word)) {
        if (!InList(kNotOrgs, word) && !impl_.LookupGazetteer(word) &&
            !impl_.dictionary_words.Contains(word)) {
          const std::string_view stem = word.substr(0, word.size() - s->text.size());
          bool ok = true;
          for (char c : stem) {
            if (IsAsciiSpace(c) || c == '-' || c == '.') ok = false;
          }
          // A one-syllable suffix (당, 부, 청) follows a Hangul stem only: 1인당 is "per person".
          if (Syllables(s->text) == 1 && !utf8::AllHangulSyllables(stem)) ok = false;
          // 가구당, 경기당, 시간당: 당 after a common noun is "per"; a party's stem is a name.
          if (s->text == "당" && impl_.dictionary_words.Contains(stem)) ok = false;
          if (ok && !BaseTitle(i) && !impl_.Title(stem)) {
            AddCandidate(base, ProtoNamed(EntityType::kOrg, word), kRuleWeak);
            continue;
          }
        }
      }
      // Venues and new towns: 잠실야구장, 동탄2신도시, 판교나들목.
      if (const auto* f = Suffix(impl_.facility_suffixes, word); f && FacilityName(word, *f)) {
        AddCandidate(base, ProtoNamed(EntityType::kLoc, word), kRuleWeak);
        place_tokens_.insert(i);
        continue;
      }
      // Places: 부산 동래구 온천동 (a known place, then smaller units), 수원시에서.
      const auto* s = Suffix(impl_.loc_suffixes, word);
      if (!s) continue;
      if (!utf8::AllHangulSyllables(word) || InList(kNotPlaces, word) ||
          impl_.LookupGazetteer(word))
        continue;
      const bool after_place =
          i > 0 && Adjacent(i - 1) && bases_[i - 1] == doc_.tokens[i - 1].span && IsPlace(i - 1);
      const bool locative = (s->text == "시" || s->text == "읍" || s->text == "군") &&
                            Syllables(word) >= 3 && Rest(i) == "에서";
      if (after_place && !locative && !UnitName(word)) continue;
      if (after_place || locative) {
        AddCandidate(base, ProtoNamed(EntityType::kLoc, word), kRuleWeak);
        place_tokens_.insert(i);
      }
    }
  }

  // 고양종합운동장 yes; 실내체육관, 종합운동장 no: the word and the part before its ending are
  // no common words, and no gazetteer lists the word under another type.
  bool FacilityName(std::string_view word, const SuffixRule& suffix) const {
    const std::string_view stem = word.substr(0, word.size() - suffix.text.size());
    if (impl_.dictionary_words.empty() || LooksLikeWord(word) || LooksLikeWord(stem) ||
        VerbForm(stem) || VerbAdnominal(stem)) {
      return false;
    }
    return !impl_.LookupGazetteer(word) && !impl_.Title(stem);
  }

  // A word after a place that ends like a unit (구, 리, 도, 면) names the unit unless it reads as
  // common words: 한국 프로야구 (야구), 미국 기준금리 (금리), 러시아 부총리 (총리), 유럽 아니면
  // (a verb form) end in a word that happens to end like a unit.
  bool UnitName(std::string_view word) const {
    return !LooksLikeWord(word) && !VerbForm(word) && !CompoundOfWords(word);
  }

  // 캠핑용품 업체 코베아가, 소셜 펀딩 업체 '킥스타터'에서: a name right after a noun for a kind of
  // body is that body. The name is a word the general dictionary does not know (a Hangul word) or
  // a capitalized Latin word, closed by a particle or a mark.
  void DescribedOrganizations() {
    if (impl_.dictionary_words.empty()) return;
    const size_t n = doc_.tokens.size();
    for (size_t i = 1; i < n; ++i) {
      size_t kind = i - 1;
      const bool quoted = doc_.tokens[kind].tag == TokenTag::kSymbol && kind > 0 &&
                          IsOpeningQuote(Text(doc_.tokens[kind].span));
      if (quoted) --kind;
      if (!Adjacent(kind) || (quoted && !Adjacent(kind + 1))) continue;
      if (bases_[kind] != doc_.tokens[kind].span || !EndsWithAny(Text(bases_[kind]), kOrgKinds)) {
        continue;
      }
      const Span base = bases_[i];
      const std::string_view word = Text(base);
      if (word.empty() || BaseTitle(i) || impl_.LookupGazetteer(word)) continue;
      if (utf8::AllHangulSyllables(word)) {
        const size_t syllables = Syllables(word);
        if (syllables < 2 || syllables > 6 || InList(kNotNames, word) || LooksLikeWord(word) ||
            VerbForm(word) || VerbAdnominal(word) || CompoundOfWords(word)) {
          continue;
        }
      } else if (!IsLatinWord(i) || !(word.front() >= 'A' && word.front() <= 'Z')) {
        continue;
      }
      const bool particle =
          base != doc_.tokens[i].span && impl_.analyzer && impl_.analyzer->IsParticle(Rest(i));
      const bool marked = base == doc_.tokens[i].span && i + 1 < n && Adjacent(i) &&
                          !SpaceBetween(i) && doc_.tokens[i + 1].tag == TokenTag::kSymbol;
      if (!particle && !marked) continue;
      AddCandidate(base, ProtoNamed(EntityType::kOrg, word), kRuleWeak);
    }
  }

  // NTSB가 밝혔다, EPA의 발표, NTSB 측은: an abbreviation in capital letters (two to six, no digit:
  // a model's name has digits) that no gazetteer lists, written with the particle of an agent or a
  // possessor, names a body. Common abbreviations of things and jobs (SNS, PD) are left out.
  void AcronymOrganizations() {
    const size_t n = doc_.tokens.size();
    for (size_t i = 0; i < n; ++i) {
      const Span base = bases_[i];
      // A particle must follow, or the word 측 "side" (QWXZ 측은).
      const bool side = base == doc_.tokens[i].span && i + 1 < n && SpaceBetween(i) &&
                        Text(bases_[i + 1]) == "측";
      if (base == doc_.tokens[i].span && !side) continue;
      const std::string_view word = Text(base);
      if (word.size() < 2 || word.size() > 6) continue;
      if (!std::all_of(word.begin(), word.end(),
                       [](char c) { return (c >= 'A' && c <= 'Z') || c == '&'; })) {
        continue;
      }
      if (word.front() == '&' || word.back() == '&') continue;
      if ((!side && !InList(kAcronymParticles, Rest(i))) || InList(kNotOrgAcronyms, word)) {
        continue;
      }
      // A.B.C, GPT-4: part of a longer Latin name.
      if (i > 0 && Adjacent(i - 1) && !SpaceBetween(i - 1)) continue;
      if (impl_.LookupGazetteer(word) || BaseTitle(i)) continue;
      AddCandidate(base, ProtoNamed(EntityType::kOrg, word), kRuleWeak);
    }
  }

  // Two dictionary words written together (대표연설, 지급결제): a compound common noun.
  bool CompoundOfWords(std::string_view word) const {
    const auto& words = impl_.dictionary_words;
    size_t pos = 0;
    utf8::Next(word, &pos);
    while (pos < word.size()) {
      utf8::Next(word, &pos);
      if (pos + 6 > word.size()) break;  // both parts have two syllables or more
      if (words.Contains(word.substr(0, pos)) && words.Contains(word.substr(pos))) return true;
    }
    return false;
  }

  static bool IsOpeningQuote(std::string_view s) {
    return s == "'" || s == "\"" || s == "‘" || s == "“" || s == "「" || s == "《" || s == "<";
  }

  template <size_t N>
  static bool EndsWithAny(std::string_view word, const std::string_view (&list)[N]) {
    return std::any_of(std::begin(list), std::end(list), [&](std::string_view tail) {
      return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
    });
  }

  // 한국시각, 서울지역, 중국영화: a listed place written together with a common noun that never
  // makes a name with it (kPlaceCompoundNouns; not 상고, 영화제, 대사관, which name bodies) is the
  // place. The gazetteer prefixes stop the walk at the first piece of text no name starts with,
  // so most tokens cost one or two lookups.
  void GluedPlaces() {
    const size_t n = doc_.tokens.size();
    for (size_t i = 0; i < n; ++i) {
      const std::string_view word = Text(bases_[i]);
      if (word.size() < 12 || !utf8::AllHangulSyllables(word)) continue;
      for (size_t pos = 0; pos < word.size();) {
        utf8::Next(word, &pos);
        const std::string_view head = word.substr(0, pos);
        if (!impl_.form_prefixes.Contains(head)) break;
        const std::string_view rest = word.substr(pos);
        if (Syllables(rest) < 2) break;
        if (!InList(kPlaceCompoundNouns, rest)) continue;
        const auto entry = impl_.LookupGazetteer(head);
        if (!entry || impl_.entries[*entry].type != EntityType::kLoc) continue;
        const Span span{bases_[i].begin, static_cast<uint32_t>(bases_[i].begin + pos)};
        AddCandidate(span, ProtoForEntry(*entry), kRuleWeak);
        break;
      }
    }
  }

  // 경기 화성시, 경북 경주, 서울·경기·인천: a short form that is also a common word
  // (address_forms.tsv) is the place next to another place, before or after it with a space, or
  // across a list mark.
  void AddressForms() {
    const size_t n = doc_.tokens.size();
    auto place_at = [&](size_t j) {
      if (j >= n) return false;
      const std::string_view word = Text(bases_[j]);
      if (IsPlace(j) || impl_.address_forms.Find(word) != nullptr) return true;
      const auto entry = impl_.LookupGazetteer(word);
      if (entry) return impl_.entries[*entry].type == EntityType::kLoc;
      return utf8::AllHangulSyllables(word) && Syllables(word) >= 2 &&
             Suffix(impl_.loc_suffixes, word);
    };
    auto list_mark = [&](size_t j) { return j < n && IsListMark(Text(doc_.tokens[j].span)); };
    for (size_t i = 0; i < n; ++i) {
      const uint32_t* entry = impl_.address_forms.Find(Text(bases_[i]));
      if (entry == nullptr) continue;
      const bool bare = bases_[i] == doc_.tokens[i].span;
      const bool before_place = bare && SpaceBetween(i) && place_at(i + 1);
      const bool after_place = i > 0 && SpaceBetween(i - 1) &&
                               bases_[i - 1] == doc_.tokens[i - 1].span && place_at(i - 1) &&
                               impl_.address_forms.Find(Text(bases_[i - 1])) == nullptr;
      const bool listed =
          (bare && Adjacent(i) && list_mark(i + 1) && Adjacent(i + 1) && place_at(i + 2)) ||
          (i >= 2 && list_mark(i - 1) && Adjacent(i - 2) && Adjacent(i - 1) && place_at(i - 2));
      if (before_place || after_place || listed) {
        AddCandidate(bases_[i], ProtoForEntry(*entry), kRule);
      }
    }
  }

  // Token i is a known place or a unit the suffix rule already took as one (부산 동래구 → 온천동).
  bool IsPlace(size_t i) const {
    if (place_tokens_.count(i)) return true;
    const auto entry = impl_.LookupGazetteer(Text(doc_.tokens[i].span));
    return entry && impl_.entries[*entry].type == EntityType::kLoc;
  }

  // The foreign names the title rule found: a later 카터 is the 제임스 카터 named before; a name
  // with no full form in the document is an actor of its own.
  void ForeignNameCandidates() {
    for (const Span& span : pending_foreign_) {
      const uint32_t* known = local_forms_.Find(Key(Text(span)));
      const uint32_t proto =
          known != nullptr ? *known : ProtoNamed(EntityType::kPerson, Text(span));
      AddCandidate(span, proto, kRuleWeak);
    }
  }

  // ---------------------------------------------------------------- linking
  // A later 알트먼 is the 샘 알트먼 named before: the last word of a person's full name.
  void AddPartialForms() {
    for (uint32_t p = 0; p < protos_.size(); ++p) {
      if (protos_[p].type != EntityType::kPerson) continue;
      std::vector<std::string> names = {protos_[p].name};
      for (const auto& a : protos_[p].aliases) names.push_back(a);
      for (const std::string& name : names) {
        const size_t space = name.rfind(' ');
        if (space == std::string::npos) continue;
        const std::string last = name.substr(space + 1);
        if (utf8::AllHangulSyllables(last) ? Syllables(last) < 2 : last.size() < 3) continue;
        if (local_forms_.Find(Key(last))) continue;
        AddAlias(p, last);
      }
    }
  }

  // Candidate ends of a name inside token j, appended to `ends` from the last: before its
  // particle or ending, or the whole token.
  void AppendNameEnds(size_t j, std::vector<uint32_t>* ends) const {
    const size_t from = ends->size();
    const Token& t = doc_.tokens[j];
    ends->push_back(t.span.end);
    if (bases_[j].end != t.span.end) ends->push_back(bases_[j].end);
    for (size_t k = 1; k < t.parts.size(); ++k) {
      if (t.parts[k].tag == TokenTag::kParticle) ends->push_back(t.parts[k].span.begin);
    }
    // The analyzer may keep an unknown name and its particle together (무라티를).
    if (impl_.analyzer) {
      const std::string_view word = Text(t.span);
      size_t pos = 0;
      while (pos < word.size()) {
        utf8::Next(word, &pos);
        if (pos >= word.size() || word.size() - pos > 12) continue;
        if (impl_.analyzer->IsParticle(word.substr(pos))) {
          ends->push_back(static_cast<uint32_t>(t.span.begin + pos));
        }
      }
    }
    const auto first = ends->begin() + static_cast<std::ptrdiff_t>(from);
    std::sort(first, ends->end(), std::greater<>());
    ends->erase(std::unique(first, ends->end()), ends->end());
  }

  // Whether a name can end where token j starts: only an empty stem or particle puts an end there.
  bool EndAtStart(size_t j) const {
    const Token& t = doc_.tokens[j];
    if (t.span.empty() || bases_[j].end == t.span.begin) return true;
    for (size_t k = 1; k < t.parts.size(); ++k) {
      if (t.parts[k].tag == TokenTag::kParticle && t.parts[k].span.begin == t.span.begin) {
        return true;
      }
    }
    return false;
  }

  // Longest match of the gazetteers and this document's names over the tokens.
  //
  // A name ending in token j has Key(tokens i .. j-1) and token j's first code point as a prefix
  // (Key only drops the spaces between the tokens), so the key grows token by token in one
  // buffer and the scan stops at the first token that no form's key continues into. Each token's
  // ends are worked out once, however many start tokens reach it.
  // ‘왕의 길’이란, (passion)이란, '성인' 이란: a listed name that is also a particle (이란 Iran,
  // "called") right after a closing quote or bracket is the particle.
  bool ParticleAfterQuote(size_t t, Span span) const {
    static constexpr std::string_view kClosers[] = {"'",  "\"", "’",  "”", ")",
                                                    "」", "』", "》", "〉"};
    if (t == 0 || !impl_.analyzer || !impl_.analyzer->IsParticle(Text(span))) return false;
    const Token& before = doc_.tokens[t - 1];
    return before.sentence == doc_.tokens[t].sentence && InList(kClosers, Text(before.span)) &&
           Adjacent(t - 1);
  }

  void DictionaryScan() {
    const size_t n = doc_.tokens.size();
    // A name found during the scan adds the key of its entry's name, which is a form's key too:
    // its prefixes are in form_prefixes already.
    WordSet local_prefixes;
    for (const auto& [key, proto] : local_forms_.items()) {
      for (size_t pos = 0; pos < key.size();) {
        utf8::Next(key, &pos);
        local_prefixes.Add(key.substr(0, pos));
      }
    }
    auto is_prefix = [&](std::string_view k) {
      return k.empty() || impl_.form_prefixes.Contains(k) != 0 || local_prefixes.Contains(k) != 0;
    };
    std::vector<uint32_t> ends;  // every token's ends, [ends_from[j], ends_to[j]) for token j
    std::vector<uint32_t> ends_from(n, 0);
    std::vector<uint32_t> ends_to(n, 0);
    std::vector<bool> ends_known(n, false);
    std::string key;
    std::vector<size_t> key_at;  // key.size() where token i + k starts
    for (size_t i = 0; i < n;) {
      const Token& first = doc_.tokens[i];
      if (first.tag == TokenTag::kSymbol || first.tag == TokenTag::kNumber) {
        ++i;
        continue;
      }
      size_t last = i;
      while (last + 1 < n && last - i + 1 < kMaxNameTokens && Adjacent(last)) ++last;
      key.clear();
      key_at.clear();
      size_t reach = i;  // the tokens before it may hold an end; the one at it only at its start
      for (size_t j = i; j <= last; ++j) {
        key_at.push_back(key.size());
        const std::string_view w = Text(doc_.tokens[j].span);
        size_t pos = 0;
        if (!w.empty()) utf8::Next(w, &pos);
        AppendKey(w.substr(0, pos), &key);
        if (!is_prefix(key)) break;
        AppendKey(w.substr(pos), &key);
        reach = j + 1;
      }
      // Tries the name [first, end) with end in token j; true when it is one.
      auto try_end = [&](size_t j, uint32_t end) {
        const Span span{first.span.begin, end};
        key.resize(key_at[j - i]);
        AppendKey(Text(doc_.tokens[j].span.begin, end), &key);
        if (const uint32_t* known = local_forms_.Find(key)) {
          AddCandidate(span, *known, kLocal);
        } else if (const auto entry = impl_.LookupGazetteerKey(Text(span), key)) {
          if (ParticleAfterQuote(i, span)) return false;
          AddCandidate(span, ProtoForEntry(*entry), kGazetteer);
        } else {
          return false;
        }
        i = j + 1;
        return true;
      };
      bool matched = false;
      if (reach <= last && EndAtStart(reach)) {
        matched = try_end(reach, doc_.tokens[reach].span.begin);
      }
      for (size_t j = reach; j-- > i && !matched;) {
        if (!ends_known[j]) {
          ends_from[j] = static_cast<uint32_t>(ends.size());
          AppendNameEnds(j, &ends);
          ends_to[j] = static_cast<uint32_t>(ends.size());
          ends_known[j] = true;
        }
        for (uint32_t e = ends_from[j]; e < ends_to[j] && !matched; ++e) {
          matched = try_end(j, ends[e]);
        }
      }
      if (!matched) ++i;
    }
  }

  // 샘 말트먼 in a document that names 샘 알트먼: a word no list knows, one typed letter away
  // from the name of a foreign person of the document (TypedLetters), alone or with the word
  // before it, is that name misspelled. Korean personal names are left apart (김민수 and 김민주
  // are two people), and so are organizations (경기대학교 and 경희대학교).
  void MisspelledNames() {
    struct KnownName {
      std::u32string letters;
      uint32_t proto;
      bool two_words;
    };
    std::vector<KnownName> names;
    for (const auto& item : local_forms_.items()) {
      const std::string& key = item.key;  // a named variable: lambdas below capture it
      const Proto& p = protos_[item.value];
      if (p.type != EntityType::kPerson || IsFullKoreanName(p) || Syllables(key) < 3 ||
          !utf8::AllHangulSyllables(key)) {
        continue;
      }
      // Written as two words (샘 알트먼): the name or the alias this key comes from has a space.
      auto spaced = [&](const std::string& form) {
        return form.find(' ') != std::string::npos && Key(form) == key;
      };
      const bool two_words =
          spaced(p.name) || std::any_of(p.aliases.begin(), p.aliases.end(), spaced);
      names.push_back(KnownName{TypedLetters(key), item.value, two_words});
    }
    if (names.empty()) return;
    auto closest = [&](std::string_view word, bool two_words) -> std::optional<uint32_t> {
      const std::u32string letters = TypedLetters(word);
      std::optional<uint32_t> found;
      for (const KnownName& n : names) {
        if (n.two_words != two_words) continue;
        const size_t d = EditDistance(letters, n.letters, 1);
        if (d != 1) continue;
        if (found && *found != n.proto) return std::nullopt;  // two names that close: neither
        found = n.proto;
      }
      return found;
    };
    for (size_t i = 0; i < doc_.tokens.size(); ++i) {
      const std::string_view word = Text(bases_[i]);
      if (Syllables(word) < 3 || !utf8::AllHangulSyllables(word) || LooksLikeWord(word) ||
          local_forms_.Find(word) != nullptr) {
        continue;
      }
      if (i > 0 && SpaceBetween(i - 1) && bases_[i - 1] == doc_.tokens[i - 1].span &&
          utf8::AllHangulSyllables(Text(bases_[i - 1]))) {
        const std::string joined = std::string(Text(bases_[i - 1])) + std::string(word);
        if (const auto proto = closest(joined, /*two_words=*/true)) {
          AddCandidate(Span{doc_.tokens[i - 1].span.begin, bases_[i].end}, *proto, kRuleWeak);
          continue;
        }
      }
      if (const auto proto = closest(word, /*two_words=*/false)) {
        AddCandidate(bases_[i], *proto, kRuleWeak);
      }
    }
  }

  // ---------------------------------------------------------------- the choice
  // Date and duration spans sorted by start, each with the largest end up to it: whether a span
  // overlaps one is then a binary search, not a walk over every date of the document.
  void IndexDates() {
    date_spans_.clear();
    for (const TemporalExpression& d : doc_.dates) date_spans_.push_back(d.span);
    for (const DurationExpression& d : doc_.durations) date_spans_.push_back(d.span);
    std::sort(date_spans_.begin(), date_spans_.end(),
              [](Span a, Span b) { return a.begin < b.begin; });
    date_max_end_.resize(date_spans_.size());
    uint32_t max_end = 0;
    for (size_t i = 0; i < date_spans_.size(); ++i) {
      max_end = std::max(max_end, date_spans_[i].end);
      date_max_end_[i] = max_end;
    }
  }

  // Some date span d has d.begin < s.end and s.begin < d.end: of those starting before s.end,
  // the largest end passes s.begin.
  bool OverlapsDate(Span s) const {
    const auto starts_before = std::lower_bound(date_spans_.begin(), date_spans_.end(), s.end,
                                                [](Span d, uint32_t end) { return d.begin < end; });
    if (starts_before == date_spans_.begin()) return false;
    return date_max_end_[static_cast<size_t>(starts_before - date_spans_.begin()) - 1] > s.begin;
  }

  void Resolve() {
    IndexDates();
    std::vector<size_t> order(candidates_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      const Candidate& x = candidates_[a];
      const Candidate& y = candidates_[b];
      if (x.span.size() != y.span.size()) return x.span.size() > y.span.size();
      if (x.priority != y.priority) return x.priority > y.priority;
      return x.span.begin < y.span.begin;
    });
    std::vector<Candidate> chosen;
    // The chosen spans by start. They never overlap and are never empty, so their ends rise with
    // their starts: the one starting last before c ends is the only one c can overlap.
    std::set<std::pair<uint32_t, uint32_t>> taken;
    for (size_t index : order) {
      const Candidate& c = candidates_[index];
      if (OverlapsDate(c.span)) continue;
      const auto after = taken.lower_bound({c.span.end, 0});
      if (after != taken.begin() && std::prev(after)->second > c.span.begin) continue;
      taken.emplace(c.span.begin, c.span.end);
      chosen.push_back(c);
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Candidate& a, const Candidate& b) { return a.span.begin < b.span.begin; });
    std::vector<uint32_t> person_starts;
    for (const Candidate& c : chosen) {
      if (protos_[c.proto].type == EntityType::kPerson) person_starts.push_back(c.span.begin);
    }
    for (Candidate& c : chosen) ActingCountry(&c, person_starts);
    chosen = MergeCompounds(std::move(chosen));
    chosen = LinkPartialNames(std::move(chosen));
    chosen = LinkVariantSpellings(std::move(chosen));
    AddHanjaSpellings(&chosen);

    // Entities in order of first mention; ids merge actors that two rules named alike.
    std::vector<int64_t> proto_entity(protos_.size(), -1);
    std::unordered_map<std::string, uint32_t> by_id;
    doc_.entities.clear();
    doc_.mentions.clear();
    for (const Candidate& c : chosen) {
      const Proto& p = protos_[c.proto];
      if (proto_entity[c.proto] < 0) {
        std::string id = CanonicalEntityId(p.type, p.name);
        if (DocumentScoped(p)) {
          id.push_back('@');
          id.append(DocumentTag());
        }
        auto [it, inserted] = by_id.emplace(id, static_cast<uint32_t>(doc_.entities.size()));
        if (inserted) {
          Entity e;
          e.id = id;
          e.type = p.type;
          e.name = p.name;
          doc_.entities.push_back(std::move(e));
        }
        proto_entity[c.proto] = it->second;
        for (const auto& a : p.aliases) AddEntityAlias(&doc_.entities[it->second], a);
      }
      const auto entity = static_cast<uint32_t>(proto_entity[c.proto]);
      doc_.mentions.push_back(Mention{c.span, entity});
      Entity& e = doc_.entities[entity];
      ++e.mention_count;
      AddEntityAlias(&e, Text(c.span));
    }
  }

  // A person's id is canonical only when the name could tell the person apart: a surname alone,
  // a withheld name (A씨, 김모씨) or a single syllable names someone in this document only, so
  // the graph must not merge every 김 of a thousand articles into one node.
  bool DocumentScoped(const Proto& p) const {
    if (p.type != EntityType::kPerson || p.entry) return false;
    return p.kind == NameKind::kSurname || p.kind == NameKind::kWithheld ||
           Syllables(Key(p.name)) <= 1;
  }

  // Eight hex digits of the FNV-1a hash of the document's id (its source or text if it has none):
  // stable from run to run, so a re-run gives the same ids.
  std::string DocumentTag() const {
    std::string_view key = doc_.id;
    if (key.empty()) key = doc_.source;
    if (key.empty()) key = doc_.text;
    uint32_t hash = 2166136261u;
    for (char c : key) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 16777619u;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(8, '0');
    for (int i = 7; i >= 0; --i, hash >>= 4) out[static_cast<size_t>(i)] = kHex[hash & 0xF];
    return out;
  }

  // The index of the token that holds byte `pos`, if any.
  std::optional<size_t> TokenHolding(size_t pos) const {
    const auto it = std::upper_bound(doc_.tokens.begin(), doc_.tokens.end(), pos,
                                     [](size_t p, const Token& t) { return p < t.span.end; });
    if (it == doc_.tokens.end() || it->span.begin > pos) return std::nullopt;
    return static_cast<size_t>(it - doc_.tokens.begin());
  }

  // The titles written next to a mention: after it (김 대표, 박지현 전 부사장, 박씨) or before it
  // (장관 최민아), without the honorific 님.
  std::vector<std::string> TitlesAround(Span span) const {
    std::vector<std::string> out;
    auto add = [&](std::string_view title) {
      const std::string_view honorific = "님";
      if (title.size() > honorific.size() &&
          title.substr(title.size() - honorific.size()) == honorific) {
        title.remove_suffix(honorific.size());
      }
      out.emplace_back(title);
    };
    const auto first = TokenHolding(span.begin);
    const auto last = TokenHolding(span.end - 1);
    if (!first || !last) return out;
    if (doc_.tokens[*first].span.begin == span.begin) {
      if (const auto title = TitleWordBefore(*first)) add(*title);
    }
    const std::string_view rest = Text(span.end, doc_.tokens[*last].span.end);
    if (rest.empty()) {
      if (const auto title = TitleWordAfter(*last)) add(*title);
    } else if (rest.substr(0, 3) == "씨") {
      add("씨");
    }
    return out;
  }

  // A full Korean name a surname or a given name can stand for: 3 or 4 syllables of Hangul.
  bool IsFullKoreanName(const Proto& p) const {
    return p.type == EntityType::kPerson && p.kind == NameKind::kFull &&
           utf8::AllHangulSyllables(p.name) && Syllables(p.name) >= 3 && impl_.IsKoreanName(p.name);
  }

  // Whether the partial name of `part` can be the full name of `full`: 김 → 김서준 (not 남 →
  // 남궁민, whose surname is 남궁), 지현 → 박지현.
  bool Fits(const Proto& part, const Proto& full) const {
    const std::string_view name = full.name;
    const std::string_view piece = part.name;
    if (piece.size() >= name.size()) return false;
    if (part.kind == NameKind::kSurname) {
      if (name.substr(0, piece.size()) != piece) return false;
      for (size_t n : {size_t{2}, size_t{1}}) {
        const std::string_view surname = name.substr(0, PrefixBytes(name, n));
        if (impl_.surnames.Contains(surname) && Syllables(name) - n >= 1 &&
            Syllables(name) - n <= 2) {
          return surname == piece;  // the longest surname the full name starts with
        }
      }
      return false;
    }
    if (part.kind == NameKind::kGiven) {
      if (name.substr(name.size() - piece.size()) != piece) return false;
      return impl_.surnames.Contains(name.substr(0, name.size() - piece.size())) > 0;
    }
    return false;
  }

  // Korean news names a person in full once, then by surname and title (김 대표, 최 장관) or,
  // less formally, given name and title (지현 부사장). Such a mention is the document's full name
  // that fits it when exactly one fits; among several, the one with the same title nearby if
  // exactly one has it; otherwise it stays the partial name it is (scoped to the document). A
  // surname that is also a common word (한 교수) counts only with a same-title match.
  std::vector<Candidate> LinkPartialNames(std::vector<Candidate> chosen) {
    std::unordered_map<uint32_t, std::unordered_set<std::string>> titles;
    std::vector<uint32_t> fulls;
    std::vector<uint32_t> partials;
    for (const Candidate& c : chosen) {
      const Proto& p = protos_[c.proto];
      if (p.type != EntityType::kPerson) continue;
      auto [it, first_mention] = titles.try_emplace(c.proto);
      for (std::string& t : TitlesAround(c.span)) it->second.insert(std::move(t));
      if (!first_mention) continue;
      if (IsFullKoreanName(p)) fulls.push_back(c.proto);
      if (p.kind == NameKind::kSurname || p.kind == NameKind::kGiven) partials.push_back(c.proto);
    }
    std::unordered_map<uint32_t, uint32_t> link;
    for (uint32_t part : partials) {
      std::vector<uint32_t> fits;
      std::vector<uint32_t> same_title;
      for (uint32_t full : fulls) {
        if (!Fits(protos_[part], protos_[full])) continue;
        fits.push_back(full);
        const auto& mine = titles[part];
        const auto& theirs = titles[full];
        if (std::any_of(mine.begin(), mine.end(),
                        [&](const std::string& t) { return t != "씨" && theirs.count(t) > 0; })) {
          same_title.push_back(full);
        }
      }
      if (same_title.size() == 1) {
        link.emplace(part, same_title.front());
      } else if (fits.size() == 1 && !protos_[part].link_only) {
        link.emplace(part, fits.front());
      }
    }
    std::vector<Candidate> out;
    out.reserve(chosen.size());
    for (Candidate& c : chosen) {
      if (const auto it = link.find(c.proto); it != link.end()) {
        c.proto = it->second;
      } else if (protos_[c.proto].link_only) {
        continue;  // 한 교수 with no 한 professor in the document: "a professor"
      }
      out.push_back(c);
    }
    return out;
  }

  // 마이크 폼페오 beside 마이크 폼페이오: a foreign person's name the lists do not know, one typed
  // letter (TypedLetters) away from another person of the document, or two in a long name with
  // the same given name, is that person misspelled or transliterated another way, and links to
  // it. The other one must be listed, or named more often, or as often and first. Korean
  // personal names (김민수 and 김민주 are two people) and organizations (경기대학교 and
  // 경희대학교 are two universities) are left apart.
  std::vector<Candidate> LinkVariantSpellings(std::vector<Candidate> chosen) {
    std::vector<uint32_t> order;  // protos by first mention
    std::unordered_map<uint32_t, size_t> mentions;
    for (const Candidate& c : chosen) {
      if (mentions[c.proto]++ == 0) order.push_back(c.proto);
    }
    auto variable = [&](const Proto& p) {
      return p.type == EntityType::kPerson && p.kind == NameKind::kFull && !IsFullKoreanName(p) &&
             Syllables(WithoutSpaces(p.name)) >= 3;
    };
    auto first_word = [](const std::string& name) { return name.substr(0, name.find(' ')); };
    std::unordered_map<uint32_t, uint32_t> link;
    for (size_t i = 0; i < order.size(); ++i) {
      const Proto& variant = protos_[order[i]];
      if (variant.entry || !variable(variant)) continue;
      const std::u32string letters = TypedLetters(variant.name);
      std::optional<uint32_t> best;
      bool unique = true;
      for (size_t j = 0; j < order.size(); ++j) {
        const Proto& other = protos_[order[j]];
        if (i == j || other.type != variant.type || !variable(other) ||
            Key(other.name) == Key(variant.name)) {
          continue;
        }
        const bool stronger = other.entry.has_value() || mentions[order[j]] > mentions[order[i]] ||
                              (mentions[order[j]] == mentions[order[i]] && j < i);
        // A long name with the same given name may differ by a syllable (폼페오, 폼페이오).
        const bool long_same_first = letters.size() >= 12 &&
                                     variant.name.find(' ') != std::string::npos &&
                                     first_word(variant.name) == first_word(other.name);
        const size_t limit = long_same_first ? 2 : 1;
        if (!stronger || EditDistance(letters, TypedLetters(other.name), limit) > limit) continue;
        unique = !best.has_value();
        best = order[j];
      }
      if (best && unique) link.emplace(order[i], *best);
    }
    for (const auto& [variant, actor] : link) AddAlias(actor, protos_[variant].name);
    for (Candidate& c : chosen) {
      if (const auto it = link.find(c.proto); it != link.end()) c.proto = it->second;
    }
    return chosen;
  }

  // Sentence s tells of a game (kSportsWords), computed once per sentence.
  bool SportsSentence(uint32_t sentence) {
    if (sports_sentences_.empty()) {
      sports_sentences_.assign(doc_.sentences.size(), 0);
      for (size_t i = 0; i < doc_.tokens.size(); ++i) {
        const Token& t = doc_.tokens[i];
        const std::string_view base = Text(bases_[i]);
        // 경기 alone is also the province (경기 성남, 경기·강원): a game only with a particle.
        if (base == "경기" && bases_[i] == t.span) continue;
        if (t.sentence < sports_sentences_.size() &&
            (InList(kSportsWords, base) || (!t.lemma.empty() && InList(kSportsWords, t.lemma)))) {
          sports_sentences_[t.sentence] = 1;
        }
      }
    }
    return sentence < sports_sentences_.size() && sports_sentences_[sentence] != 0;
  }

  // 미국이 제재했다: a country followed by an actor particle is the state, an organization. In
  // a sentence about a game, a listed city is its team where it acts (보스턴은 ... 꺾었다) or
  // stands for a club: before one of its people (피츠버그 강정호, 전북 최강희 감독, 보스턴
  // 1루수) and after a player's age (박병호(30·미네소타)).
  void ActingCountry(Candidate* c, const std::vector<uint32_t>& person_starts) {
    const Proto& p = protos_[c->proto];
    if (!p.entry) return;
    const GazEntry& entry = impl_.entries[*p.entry];
    if (!entry.country && entry.type != EntityType::kLoc) return;
    const auto t = TokenStartingAt(c->span.begin);
    if (!t) return;
    if (entry.country) {
      if (doc_.tokens[*t].span.end == c->span.end) return;
      const std::string_view rest = Text(c->span.end, doc_.tokens[*t].span.end);
      if (!InList(kActorParticles, rest)) return;
    } else if (!SportsSentence(doc_.tokens[*t].sentence) || !CityAsTeam(*c, *t, person_starts)) {
      return;
    }
    auto [it, inserted] = country_org_.emplace(*p.entry, 0);
    if (inserted) {
      protos_.push_back(Proto{EntityType::kOrg, p.name, {}, std::nullopt});
      it->second = static_cast<uint32_t>(protos_.size() - 1);
    }
    c->proto = it->second;
  }

  // In a sentence about a game: is the listed city at token t its team?
  bool CityAsTeam(const Candidate& c, size_t t, const std::vector<uint32_t>& person_starts) const {
    const Token& token = doc_.tokens[t];
    if (token.span.end != c.span.end)
      return InList(kTeamParticles, Text(c.span.end, token.span.end));
    // A club takes its city's bare name (전북, 보스턴), never a district's (종로구, 고양시).
    if (impl_.loc_suffixes.Match(Text(c.span)) != nullptr) return false;
    const std::string_view before = Text(0, c.span.begin);
    const std::string_view after = Text(c.span.end, doc_.text.size());
    // 박병호(30·미네소타), 김남일(28.수원): the age, a dot, the club.
    const size_t dot = before.size() >= 3 && before.substr(before.size() - 2) == "·" ? 2
                       : !before.empty() && before.back() == '.'                     ? 1
                                                                                     : 0;
    if (after.substr(0, 1) == ")" && dot != 0 && before.size() > dot &&
        utf8::IsAsciiDigit(static_cast<unsigned char>(before[before.size() - dot - 1]))) {
      return true;
    }
    if (t + 1 >= doc_.tokens.size() || !SpaceBetween(t)) return false;
    const Token& next = doc_.tokens[t + 1];
    return std::binary_search(person_starts.begin(), person_starts.end(), next.span.begin) ||
           InList(kTeamMembers, Text(bases_[t + 1]));
  }

  // 포수경(蒲壽庚·1245~1284), 무라야마 도미이치(村山富市), 야스쿠니(靖國): a name followed by its
  // spelling in Chinese characters in parentheses; the characters are a mention of the same actor.
  void AddHanjaSpellings(std::vector<Candidate>* chosen) {
    const std::string_view text = doc_.text;
    const size_t n = chosen->size();
    for (size_t k = 0; k < n; ++k) {
      const Candidate c = (*chosen)[k];
      const EntityType type = protos_[c.proto].type;
      if (type != EntityType::kPerson && type != EntityType::kOrg && type != EntityType::kLoc) {
        continue;
      }
      if (c.span.end >= text.size() || text[c.span.end] != '(') continue;
      size_t end = c.span.end + 1;
      size_t count = 0;
      while (end < text.size() && count < 8) {
        size_t next = end;
        const char32_t cp = utf8::Next(text, &next);
        if (!IsHanIdeograph(cp)) break;
        end = next;
        ++count;
      }
      if (count == 0 || end >= text.size()) continue;
      const std::string_view mark = text.substr(end, 2);
      if (text[end] != ')' && text[end] != ',' && mark != "·") continue;
      const Span hanja{c.span.end + 1, static_cast<uint32_t>(end)};
      if (k + 1 < n && (*chosen)[k + 1].span.begin < hanja.end) continue;
      chosen->push_back(Candidate{hanja, c.proto, c.priority});
    }
    if (chosen->size() == n) return;
    std::sort(chosen->begin(), chosen->end(),
              [](const Candidate& a, const Candidate& b) { return a.span.begin < b.span.begin; });
  }

  // utf8::IsHanja, and the compatibility block, whose dozen unified ideographs NFC keeps.
  static bool IsHanIdeograph(char32_t cp) {
    return utf8::IsHanja(cp) || (cp >= 0xF900 && cp <= 0xFAFF);
  }

  // The token a mention starts in and whether the mention covers it to its end (no particle).
  std::optional<size_t> BareToken(const Candidate& c) const {
    const auto t = TokenStartingAt(c.span.begin);
    if (!t) return std::nullopt;
    size_t last = *t;
    while (last < doc_.tokens.size() && doc_.tokens[last].span.end < c.span.end) ++last;
    if (last >= doc_.tokens.size() || doc_.tokens[last].span.end != c.span.end) return std::nullopt;
    return last;
  }

  // Names written as one unit over several words, the way Korean NER annotates them: 국회
  // 국토교통위원회 and 울산 남부경찰서 (an organization in a place or a body), 한국 정부 and 오바마
  // 행정부 (a place or a person with a governing noun). The units of an address stay apart (부산 /
  // 동래구 / 온천동): two of the three annotated sources tag each unit, and each unit is a place a
  // reader can look up, while the whole address is no place of its own.
  std::vector<Candidate> MergeCompounds(std::vector<Candidate> chosen) {
    std::vector<Candidate> out;
    for (size_t k = 0; k < chosen.size(); ++k) {
      Candidate c = chosen[k];
      while (true) {
        const auto last = BareToken(c);
        if (!last || !Adjacent(*last)) break;
        const size_t next = *last + 1;
        const EntityType type = protos_[c.proto].type;
        // The next mention starts at the next token.
        if (k + 1 < chosen.size() && chosen[k + 1].span.begin == doc_.tokens[next].span.begin) {
          const Candidate& d = chosen[k + 1];
          const EntityType next_type = protos_[d.proto].type;
          const bool org_in = (type == EntityType::kLoc || type == EntityType::kOrg) &&
                              next_type == EntityType::kOrg && !protos_[d.proto].entry &&
                              Suffix(impl_.org_suffixes, protos_[d.proto].name);
          // 영국 BBC, 미국 국무부, 중국 해군: a listed organization after its place is one
          // mention, as the annotated sources tag it, and the actor stays the organization.
          const bool listed_org_of_place = type == EntityType::kLoc &&
                                           next_type == EntityType::kOrg &&
                                           protos_[d.proto].entry.has_value();
          if (!org_in && !listed_org_of_place) break;
          const Span merged{c.span.begin, d.span.end};
          c = Candidate{merged, org_in ? ProtoNamed(next_type, Text(merged)) : d.proto, d.priority};
          ++k;
          continue;
        }
        // A governing noun after a place or a person; a unit of the body after an organization
        // (서울대 공대, 한빛병원 산부인과, 중앙지검 형사3부).
        const bool head = ((type == EntityType::kLoc || type == EntityType::kPerson) &&
                           InList(kOrgHeads, Text(bases_[next]))) ||
                          (type == EntityType::kLoc && BodyOfPlace(next));
        const bool unit = type == EntityType::kOrg && IsOrgUnit(Text(bases_[next]));
        if ((head || unit) && !OverlapsDate(bases_[next])) {
          const Span merged{c.span.begin, bases_[next].end};
          // A unit acts for its body: the mention covers both, the actor stays the body, so the
          // court of one article meets the same court in another.
          c = Candidate{merged, unit ? c.proto : ProtoNamed(EntityType::kOrg, Text(merged)),
                        c.priority};
        }
        break;
      }
      out.push_back(c);
    }
    return out;
  }

  // 미국 지질조사국, 홍콩 고등법원, 한국 축구대표팀, 이집트 과도정부: after a place, a word of
  // three syllables or more that ends like a body names that place's body, even when the word
  // alone is a common noun (고등법원, 축구대표팀) that the suffix rule leaves alone.
  bool BodyOfPlace(size_t t) const {
    const std::string_view word = Text(bases_[t]);
    if (!utf8::AllHangulSyllables(word) || Syllables(word) < 3 || impl_.Title(word)) return false;
    static constexpr std::string_view kBodyEnds[] = {"대표팀", "재판소", "국", "당국", "군부"};
    const SuffixRule* suffix = Suffix(impl_.org_suffixes, word);
    return (suffix != nullptr && Syllables(suffix->text) >= 2) || EndsWithAny(word, kBodyEnds);
  }

  // A unit inside a body: a word ending in a unit noun (산부인과, 국제학부, 유방센터), or a
  // numbered or named division of three characters or more (형사3부, 행정학과).
  static bool IsOrgUnit(std::string_view word) {
    if (word.empty() || (static_cast<unsigned char>(word.front()) < 0x80 &&
                         !utf8::IsAsciiDigit(static_cast<unsigned char>(word.front())))) {
      return false;
    }
    if (EndsWithAny(word, kOrgUnits)) return true;
    static constexpr std::string_view kDivisions[] = {"부", "과", "실"};
    return utf8::CodePointCount(word) >= 3 && EndsWithAny(word, kDivisions) &&
           !InList(kNotOrgs, word);
  }

  static void AddEntityAlias(Entity* e, std::string_view alias) {
    const std::string key = Key(alias);
    if (key.empty() || key == Key(e->name)) return;
    for (const auto& a : e->aliases) {
      if (Key(a) == key) return;
    }
    e->aliases.emplace_back(alias);
  }

  const RecognizerData& impl_;
  Document& doc_;
  std::vector<Span> bases_;
  // Per token: kTitleUnknown, kNoTitle or the TitlePosition of its base.
  static constexpr uint8_t kTitleUnknown = 0xFF;
  static constexpr uint8_t kNoTitle = 0xFE;
  mutable std::vector<uint8_t> base_titles_;
  std::vector<Proto> protos_;
  std::vector<Candidate> candidates_;
  std::vector<Span> date_spans_;  // see IndexDates
  std::vector<uint32_t> date_max_end_;
  std::unordered_map<uint32_t, uint32_t> entry_proto_;
  WordMap<uint32_t> local_forms_;
  WordMap<uint32_t> surname_protos_;  // a surname written alone -> proto
  std::unordered_set<size_t> place_tokens_;
  std::vector<Span> pending_foreign_;  // foreign names before a title, for ForeignNameCandidates
  // Country or city entry -> its ORG proto (the state acting, the team playing).
  std::unordered_map<uint32_t, uint32_t> country_org_;
  std::vector<uint8_t> sports_sentences_;  // see SportsSentence
};

}  // namespace

struct EntityRecognizer::Impl : RecognizerData {};

Result<EntityRecognizer> EntityRecognizer::Create(const DictionarySet& dictionaries) {
  auto impl = std::make_unique<Impl>();
  const TsvTable* countries = dictionaries.Find("gazetteer_countries");
  for (const TsvTable* table : dictionaries.Gazetteers()) {
    if (table == nullptr) continue;
    SAGEON_RETURN_IF_ERROR(table->RequireColumns({"name", "type", "aliases"}));
    for (const TsvTable::Row& row : table->rows()) {
      const std::string_view name = table->Cell(row, "name");
      const std::string_view type_name = table->Cell(row, "type");
      const auto type = ParseEntityType(type_name);
      if (!type) {
        return DataError(table->source() + ":" + std::to_string(row.line) + ": unknown type '" +
                         std::string(type_name) + "'");
      }
      if (Key(name).empty()) {
        return DataError(table->source() + ":" + std::to_string(row.line) + ": empty name");
      }
      const auto entry = static_cast<uint32_t>(impl->entries.size());
      impl->entries.push_back(GazEntry{*type, std::string(name), table == countries});
      std::vector<std::string> forms = {std::string(name)};
      for (auto& alias : SplitBars(table->Cell(row, "aliases"))) forms.push_back(std::move(alias));
      // Later tables win: a user's --dict entry overrides the project's reading of a form.
      for (const std::string& form : forms) {
        impl->forms.Set(Key(form),
                        Form{entry, WithoutSpaces(form), form.find(' ') != std::string::npos});
      }
    }
  }

  for (const auto& [key, form] : impl->forms.items()) {
    for (size_t pos = 0; pos < key.size();) {
      utf8::Next(key, &pos);
      impl->form_prefixes.Add(key.substr(0, pos));
    }
  }

  for (std::string& word : dictionaries.DictionaryWords()) {
    impl->dictionary_words.Add(std::move(word));
  }
  // The project's own nouns count as words too, once a general dictionary turned the rule on.
  if (const TsvTable* nouns = dictionaries.Find("nouns_common");
      nouns && !impl->dictionary_words.empty()) {
    for (const auto& row : nouns->rows()) impl->dictionary_words.Add(nouns->Cell(row, "form"));
  }
  SAGEON_ASSIGN_OR_RETURN(const TsvTable* surnames, dictionaries.Get("surnames"));
  SAGEON_RETURN_IF_ERROR(surnames->RequireColumns({"surname"}));
  for (const auto& row : surnames->rows()) {
    impl->surnames.Add(surnames->Cell(row, "surname"));
    if (surnames->Cell(row, "common") == "1") {
      impl->common_surnames.Add(surnames->Cell(row, "surname"));
    }
  }

  if (const TsvTable* names = dictionaries.Find("foreign_names")) {
    SAGEON_RETURN_IF_ERROR(names->RequireColumns({"name", "kind"}));
    for (const auto& row : names->rows()) impl->foreign_names.Add(names->Cell(row, "name"));
  }

  SAGEON_ASSIGN_OR_RETURN(const TsvTable* titles, dictionaries.Get("person_titles"));
  SAGEON_RETURN_IF_ERROR(titles->RequireColumns({"title", "position"}));
  for (const auto& row : titles->rows()) {
    const std::string_view position = titles->Cell(row, "position");
    TitlePosition p = TitlePosition::kBoth;
    if (position == "after") {
      p = TitlePosition::kAfter;
    } else if (position == "before") {
      p = TitlePosition::kBefore;
    } else if (position != "both") {
      return DataError(titles->source() + ":" + std::to_string(row.line) +
                       ": position must be after, before or both");
    }
    impl->titles.Add(LowerAscii(titles->Cell(row, "title")), p);
  }

  auto load_suffixes = [&](std::string_view name, SuffixList* out) -> Status {
    SAGEON_ASSIGN_OR_RETURN(const TsvTable* table, dictionaries.Get(name));
    SAGEON_RETURN_IF_ERROR(table->RequireColumns({"suffix", "min_stem"}));
    std::vector<SuffixRule> rules;
    for (const auto& row : table->rows()) {
      const std::string_view suffix = table->Cell(row, "suffix");
      if (suffix.empty()) {
        return DataError(table->source() + ":" + std::to_string(row.line) + ": empty suffix");
      }
      const std::string_view min_stem = table->Cell(row, "min_stem");
      size_t n = 0;
      for (char c : min_stem) {
        if (!utf8::IsAsciiDigit(static_cast<unsigned char>(c))) {
          return DataError(table->source() + ":" + std::to_string(row.line) +
                           ": min_stem must be a number");
        }
        n = n * 10 + static_cast<size_t>(c - '0');
      }
      rules.push_back(SuffixRule{std::string(suffix), n});
    }
    out->Assign(std::move(rules));
    return Status::Ok();
  };
  SAGEON_RETURN_IF_ERROR(load_suffixes("org_suffixes", &impl->org_suffixes));
  SAGEON_RETURN_IF_ERROR(load_suffixes("loc_suffixes", &impl->loc_suffixes));
  if (dictionaries.Find("facility_suffixes")) {
    SAGEON_RETURN_IF_ERROR(load_suffixes("facility_suffixes", &impl->facility_suffixes));
  }

  if (const TsvTable* forms = dictionaries.Find("address_forms")) {
    SAGEON_RETURN_IF_ERROR(forms->RequireColumns({"form", "place"}));
    for (const auto& row : forms->rows()) {
      const auto entry = impl->LookupGazetteer(forms->Cell(row, "place"));
      if (!entry || impl->entries[*entry].type != EntityType::kLoc) {
        return DataError(forms->source() + ":" + std::to_string(row.line) + ": '" +
                         std::string(forms->Cell(row, "place")) + "' is no listed place");
      }
      impl->address_forms.Add(forms->Cell(row, "form"), *entry);
    }
  }

  if (dictionaries.Find("particles") != nullptr) {
    SAGEON_ASSIGN_OR_RETURN(EojeolAnalyzer analyzer, EojeolAnalyzer::Create(dictionaries));
    impl->analyzer.emplace(std::move(analyzer));
  }
  return EntityRecognizer(std::move(impl));
}

EntityRecognizer::EntityRecognizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EntityRecognizer::EntityRecognizer(EntityRecognizer&&) noexcept = default;
EntityRecognizer& EntityRecognizer::operator=(EntityRecognizer&&) noexcept = default;
EntityRecognizer::~EntityRecognizer() = default;

void EntityRecognizer::Recognize(Document* doc) const { DocumentPass(*impl_, doc).Run(); }

bool EntityRecognizer::IsKnownWord(std::string_view word) const { return impl_->IsKnownWord(word); }

std::string CanonicalEntityId(EntityType type, std::string_view name) {
  std::string id = LowerAscii(EntityTypeName(type));
  id.push_back(':');
  id += Key(name);
  return id;
}

}  // namespace sageon
