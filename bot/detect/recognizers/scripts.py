"""NAME and LOCATION in scripts without letter case: Han, Devanagari, Arabic, Hangul, ...

The name rules lean on capitals and spaCy's English tokens, which say nothing about "王小明" or
"मुकेश मिश्रा". Two readings cover most of what reaches a clinical chat:

- a run of such words inside a mostly Latin-script message ("许旭 was born on ...", "I moved
  from चित्रदुर्ग to असम") is a name or a place: English clinical chat quotes nothing else in
  another script; a run ending in a Chinese place suffix (市, 省, 县, 路, ...) is a place;
- in a message written in the script itself, a listed name (the gazetteer holds Devanagari,
  Arabic and other names from Faker), or a Chinese surname and one or two characters after a
  patient cue ("患者王小明，男，65岁") or before a sex, a title or an honorific.

Whose name it is follows the rule of `bot.detect.staff`: a practitioner's after a title ("Dr
थापा", "dr. 李") or before a degree, or when every word is a workspace member's ("thanks
नरेन्द्र for the coverage"); anyone else's is the patient's.
"""

from __future__ import annotations

from typing import Any

import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from bot.detect.recognizers.base import SUBTYPE_KEY
from bot.detect.recognizers.names_lexicon import (
    PRACTITIONER_AFTER,
    TITLES_PRACTITIONER,
    Lexicon,
    lexicon,
)
from bot.detect.staff import EMPTY, StaffDirectory

_CASELESS = (
    r"\p{Georgian}\p{Lao}\p{Tibetan}\p{Thaana}\p{Syriac}\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Tamil}\p{Telugu}\p{Kannada}"
    r"\p{Malayalam}\p{Sinhala}\p{Arabic}\p{Hebrew}\p{Thai}\p{Hangul}\p{Ethiopic}\p{Khmer}"
    r"\p{Myanmar}\p{Hiragana}\p{Katakana}\p{Han}"
)
_WORD = rf"[{_CASELESS}][{_CASELESS}\p{{M}}]*"
_RUN = re.compile(rf"{_WORD}(?:[ \u00b7\u30fb]{_WORD}){{0,2}}")
_LATIN = re.compile(r"\p{Latin}")
_SCRIPT = re.compile(rf"[{_CASELESS}]")
_HAN_ONLY = re.compile(r"\p{Han}+")
# The most common Chinese surnames (together about 85% of the population) and compound ones.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古"
    "吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
    "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    # the same surnames in traditional characters where they differ (Taiwan, Hong Kong)
    "陳張劉楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒閻龍賀顧龔萬錢嚴湯溫莊聶魯嶽"
)
_COMPOUND = "欧阳|司马|诸葛|上官|东方|皇甫|尉迟|公孙|慕容|令狐|长孙|宇文|司徒|夏侯|轩辕"
_HAN_NAME = rf"(?:{_COMPOUND}|[{_SURNAMES}])\p{{Han}}{{1,2}}?"
_HAN_CUE = r"患者|病人|病患|姓名[:：]?|家属|联系人|患儿|产妇|老人"
# What follows a patient's name written straight on ("患者王小明入院"): admitted, discharged,
# today, possessive, says, fever, transferred, after surgery, refuses, family, already, in, ...
_HAN_AFTER_NAME = r"入院|出院|住院|今天|今日|昨天|昨日|明天|的|说|发烧|发热|转入|转科|转院|术后|拒绝|家属|已|在|于|因"
_HAN_TIME = frozenset("天日年月时今昨")
# What a patient has that chat asks about: "张艳的化验结果", "张红梅 的麻醉同意书" (results,
# tests, report, chart, consent, surgery, anaesthesia, family, phone, address, bed)
_HAN_OWNED = (
    r"化验|检查|检验|结果|报告|病历|同意书|手术|麻醉|家属|妈妈|母亲|父亲|爸爸|女儿|儿子|丈夫|妻子"
    r"|电话|地址|床位|医嘱|片子|報告|檢查|檢驗|結果|病歷|家屬|電話|醫囑"
)
# Common terms that begin with a surname's character: "高血压的检查" is hypertension's work-up
_HAN_NOT_NAMES = frozenset({"高血压", "高血糖", "高血脂", "白血病", "白细胞", "黄疸", "方案"})
_HAN_CUED = re.compile(
    rf"(?:(?<={_HAN_CUE})\s*(?P<a>{_HAN_NAME}\p{{Han}}?)(?!\p{{Han}}))"
    rf"|(?:(?<={_HAN_CUE})\s*(?P<c>{_HAN_NAME}\p{{Han}}?)(?={_HAN_AFTER_NAME}))"
    rf"|(?P<b>{_HAN_NAME})(?=\s*[，,、]\s*[男女]|先生|女士|小姐|阿姨|大爷|奶奶|爷爷|医生|大夫|护士|主任)"
    # a name opening its run, then "的" and something of the patient's
    rf"|(?<!\p{{Han}})(?P<d>(?:{_COMPOUND}|[{_SURNAMES}])\p{{Han}}{{1,2}})\s*的(?={_HAN_OWNED})"
)
_HAN_PLACE_END = tuple("市省县区路街镇村州乡道巷里")
# "patient" in caseless scripts: the word before a name, not part of it ("रोगी राम शर्मा")
_PATIENT_WORDS = frozenset(
    {"रोगी", "मरीज़", "मरीज", "রোগী", "مريض", "المريض", "חולה", "환자", "ผู้ป่วย"}
)
# "Dr थापा", "dr. 李", "DR. राजकर्णिकार": the Latin-script word just before the run
_WORD_BEFORE = re.compile(r"([\p{Latin}.]+)[\s:,]*$")
_WORDS_AFTER = re.compile(r"^[\s,]*([\p{Latin}.-]+)")
_HAN_STAFF_AFTER = ("医生", "大夫", "护士", "主任")
# A Korean word inside a Chinese message ("김민서的化验结果出来了", "정지훈 的麻醉同意书已签") is a
# name, as a quote in another script is inside a Latin one: Chinese chat quotes nothing else so
_HANGUL_WORD = re.compile(r"(?<!\p{Hangul})\p{Hangul}{2,4}(?!\p{Hangul})")
_HANGUL = re.compile(r"\p{Hangul}")
_HAN = re.compile(r"\p{Han}")


class ScriptNameRecognizer(EntityRecognizer):
    """Names (and places) written in scripts that have no capitals."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        super().__init__(
            supported_entities=["NAME", "LOCATION"], name="ScriptNameRecognizer", context=[]
        )
        self.name: str = "ScriptNameRecognizer"
        self.lex = lex or lexicon()
        self.staff = EMPTY

    def use_staff(self, staff: StaffDirectory) -> None:
        """The workspace's members are practitioners here too (`bot.detect.staff`)."""
        self.staff = staff

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        scripted = len(_SCRIPT.findall(text))
        if not scripted:
            return []
        out: list[RecognizerResult] = []
        foreign = len(_LATIN.findall(text)) > scripted  # a quote inside a Latin-script message
        for m in _RUN.finditer(text):
            value = m.group()
            words = value.split()
            start, end = m.start(), m.end()
            if words[0] in _PATIENT_WORDS:
                if len(words) == 1:
                    continue
                start = text.index(words[1], start + len(words[0]))
                value, words = text[start:end], words[1:]
            if foreign and (len(value) >= 2 or not _HAN_ONLY.fullmatch(value)):
                place = value.endswith(_HAN_PLACE_END) and _HAN_ONLY.fullmatch(value) is not None
                if place:
                    out.append(self._result(start, end, "LOCATION", 0.6))
                else:
                    subtype = self._whose(text, start, end)
                    out.append(self._result(start, end, "NAME", 0.6, subtype))
            elif not _HAN_ONLY.search(value) and any(self.lex.is_name(w) for w in words):
                subtype = self._whose(text, start, end)
                out.append(self._result(start, end, "NAME", 0.7, subtype))
        if not foreign and len(_HAN.findall(text)) > len(_HANGUL.findall(text)):
            for m in _HANGUL_WORD.finditer(text):
                subtype = self._whose(text, m.start(), m.end())
                out.append(self._result(m.start(), m.end(), "NAME", 0.7, subtype))
        if not foreign:
            for m in _HAN_CUED.finditer(text):
                group = next(g for g in ("a", "b", "c", "d") if m.start(g) >= 0)
                start, end = m.span(group)
                if text[start:end] in _HAN_NOT_NAMES:
                    continue
                if group != "b" and any(c in _HAN_TIME for c in text[start + 1 : end]):
                    continue  # "患者明天出院", "患者于昨天入院": tomorrow, yesterday, no name
                staff = text[end : end + 2] in _HAN_STAFF_AFTER
                subtype = "PRACTITIONER" if staff else self._whose(text, start, end)
                out.append(self._result(start, end, "NAME", 0.75, subtype))
        return out

    def _whose(self, text: str, start: int, end: int) -> str:
        """`PRACTITIONER` after a title, before a degree, or for a member; else `PATIENT`."""
        before = _WORD_BEFORE.search(text[:start])
        if before and before.group(1).lower().rstrip(".") in TITLES_PRACTITIONER:
            return "PRACTITIONER"
        after = _WORDS_AFTER.match(text[end:])
        if after and after.group(1).lower().rstrip(",") in PRACTITIONER_AFTER:
            return "PRACTITIONER"
        if self.staff.knows(text[start:end].split()):
            return "PRACTITIONER"
        return "PATIENT"

    def _result(
        self, start: int, end: int, entity: str, score: float, subtype: str = ""
    ) -> RecognizerResult:
        subtype = subtype or ("PATIENT" if entity == "NAME" else "CITY")
        return RecognizerResult(
            entity_type=entity,
            start=start,
            end=end,
            score=score,
            analysis_explanation=AnalysisExplanation(
                recognizer=self.name, original_score=score, textual_explanation="script"
            ),
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                SUBTYPE_KEY: subtype,
            },
        )
