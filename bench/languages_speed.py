"""Build time of 1,000 German articles plus 1,000 translations (200 each in en, ar, tr, uk, fa) against the
same 1,000 German articles alone, with our configuration, in the same run (target: at most 2.2×)."""

import random
import sys
import tempfile
from pathlib import Path

from build_speed import ROOT, fastest
from synthetic_corpus import TOPICS, write_corpus

GERMAN_ARTICLES = 1000
PER_LANGUAGE = 200
TARGET_RATIO = 2.2

# Small word lists per language, in its script: general words, function words, and three words per
# topic of synthetic_corpus.TOPICS (same order), so texts on one topic share words as real ones do.
WORDS = {
    "en": {
        "general": [
            "town",
            "hall",
            "project",
            "event",
            "residents",
            "office",
            "volunteers",
            "registration",
            "appointment",
            "advice",
            "offer",
            "information",
            "meeting",
            "week",
            "year",
            "support",
            "conversation",
            "participation",
            "programme",
            "evening",
            "group",
        ],
        "fillers": [
            "the",
            "and",
            "with",
            "for",
            "in",
            "at",
            "to",
            "of",
            "a",
            "an",
            "on",
            "by",
            "is",
            "are",
            "also",
            "after",
            "will",
        ],
        "topics": [
            "language course tandem",
            "fair trade coffee",
            "housing landlord tenancy",
            "doctor interpreter health",
            "recognition training employer",
            "sports club swimming",
            "discrimination racism counselling",
            "equality women mentoring",
            "accessibility wheelchair inclusion",
            "partnership solar development",
        ],
    },
    "ar": {
        "general": [
            "البلدية",
            "مشروع",
            "فعالية",
            "السكان",
            "المكتب",
            "متطوعون",
            "تسجيل",
            "موعد",
            "استشارة",
            "عرض",
            "معلومات",
            "لقاء",
            "أسبوع",
            "سنة",
            "دعم",
            "حوار",
            "مشاركة",
            "برنامج",
            "مساء",
            "مجموعة",
        ],
        "fillers": ["في", "من", "على", "إلى", "عن", "مع", "هذا", "هذه", "التي", "الذي", "و", "أن", "كما", "بعد"],
        "topics": [
            "دورة لغة ترادف",
            "تجارة عادلة قهوة",
            "سكن مؤجر عقد",
            "طبيب مترجم صحة",
            "اعتراف تدريب عمل",
            "نادي رياضة سباحة",
            "تمييز عنصرية استشارة",
            "مساواة نساء إرشاد",
            "إتاحة كرسي دمج",
            "شراكة طاقة تنمية",
        ],
    },
    "tr": {
        "general": [
            "belediye",
            "proje",
            "etkinlik",
            "sakinler",
            "ofis",
            "gönüllüler",
            "kayıt",
            "randevu",
            "danışmanlık",
            "teklif",
            "bilgi",
            "toplantı",
            "hafta",
            "yıl",
            "destek",
            "sohbet",
            "katılım",
            "program",
            "akşam",
            "grup",
        ],
        "fillers": ["ve", "ile", "için", "bir", "bu", "da", "de", "olarak", "gibi", "daha", "çok", "her", "sonra"],
        "topics": [
            "dil kursu tandem",
            "adil ticaret kahve",
            "konut ev sahibi kira",
            "doktor tercüman sağlık",
            "denklik eğitim işveren",
            "spor kulübü yüzme",
            "ayrımcılık ırkçılık danışma",
            "eşitlik kadınlar mentorluk",
            "erişilebilirlik tekerlekli katılım",
            "ortaklık güneş kalkınma",
        ],
    },
    "uk": {
        "general": [
            "ратуша",
            "проєкт",
            "захід",
            "мешканці",
            "відділ",
            "волонтери",
            "реєстрація",
            "зустріч",
            "консультація",
            "пропозиція",
            "інформація",
            "тиждень",
            "рік",
            "підтримка",
            "розмова",
            "участь",
            "програма",
            "вечір",
            "група",
        ],
        "fillers": ["і", "та", "в", "у", "на", "з", "до", "для", "що", "як", "це", "також", "після", "буде"],
        "topics": [
            "мовний курс тандем",
            "чесна торгівля кава",
            "житло орендодавець оренда",
            "лікар перекладач здоров'я",
            "визнання навчання роботодавець",
            "спортивний клуб плавання",
            "дискримінація расизм консультація",
            "рівність жінки наставництво",
            "доступність візок інклюзія",
            "партнерство сонячна розвиток",
        ],
    },
    "fa": {
        "general": [
            "شهرداری",
            "پروژه",
            "برنامه",
            "ساکنان",
            "دفتر",
            "داوطلبان",
            "ثبت\u200cنام",
            "وقت",
            "مشاوره",
            "پیشنهاد",
            "اطلاعات",
            "دیدار",
            "هفته",
            "سال",
            "حمایت",
            "گفت\u200cوگو",
            "مشارکت",
            "عصر",
            "گروه",
        ],
        "fillers": ["و", "در", "به", "از", "که", "این", "با", "برای", "را", "هم", "نیز", "پس"],
        "topics": [
            "کلاس زبان همزبانی",
            "تجارت منصفانه قهوه",
            "مسکن موجر اجاره",
            "پزشک مترجم سلامت",
            "ارزشیابی آموزش کارفرما",
            "باشگاه ورزش شنا",
            "تبعیض نژادپرستی مشاوره",
            "برابری زنان راهنمایی",
            "دسترسی ویلچر مشارکت",
            "همکاری خورشیدی توسعه",
        ],
    },
}


def sentence(rng: random.Random, words: dict, topic: int, length: int) -> str:
    """A sentence-like string in the language: topic, general and function words."""
    topic_words = words["topics"][topic].split()
    picked = []
    for _ in range(length):
        pick = rng.random()
        pool = topic_words if pick < 0.3 else words["general"] if pick < 0.6 else words["fillers"]
        picked.append(rng.choice(pool))
    return " ".join(picked).capitalize() + "."


def translation(rng: random.Random, original: str, lang: str, topic: int) -> str:
    """A translation of the German article `original` (its header kept where it is an identifier)."""
    header = dict(line.split(": ", 1) for line in original.split("\n\n", 1)[0].splitlines())
    words = WORDS[lang]
    title = " ".join(rng.choice(words["general"] + words["topics"][topic].split()) for _ in range(5))
    paragraphs = ["\n".join(sentence(rng, words, topic, rng.randint(8, 16)) for _ in range(4)) for _ in range(5)]
    return (
        f"Title: {title}\nDate: {header['Date']}\nCategory: {header['Category']}\nTags: {header['Tags']}\n"
        f"Lang: {lang}\nSummary: {sentence(rng, words, topic, 14)}\n\n"
        + f"\n\n## {words['general'][1]}\n\n".join(paragraphs)
        + "\n"
    )


def write_translations(folder: Path, per_language: int, seed: int = 2026) -> None:
    """Translations of the newest `per_language` German articles into each language, in artikel/<lang>/."""
    topic_names = sorted(TOPICS)
    rng = random.Random(seed)
    originals = sorted((folder / "artikel").glob("*.md"))[-per_language:]
    for lang in WORDS:
        target = folder / "artikel" / lang
        target.mkdir(parents=True, exist_ok=True)
        for path in originals:
            text = path.read_text(encoding="utf-8")
            tags = next(line for line in text.splitlines() if line.startswith("Tags: "))
            topic = next((n for n, name in enumerate(topic_names) if name.capitalize() in tags), 0)
            (target / path.name).write_text(translation(rng, text, lang, topic), encoding="utf-8")


def measure(repeats: int = 3) -> tuple[dict, dict]:
    """(German alone, German plus translations): the fastest of `repeats` builds each."""
    settings = ["-s", str(ROOT / "pelicanconf.py")]
    with tempfile.TemporaryDirectory(prefix="bench-sprachen-") as folder:
        folder = Path(folder)
        german = write_corpus(folder / "deutsch", GERMAN_ARTICLES)
        both = write_corpus(folder / "mehrsprachig", GERMAN_ARTICLES)
        write_translations(both, PER_LANGUAGE)
        return (
            fastest(german, folder / "out-deutsch", repeats, *settings),
            fastest(both, folder / "out-mehrsprachig", repeats, *settings),
        )


def main() -> None:
    german, both = measure()
    ratio = both["seconds"] / german["seconds"]
    print(f"Build-Zeit mit Übersetzungen ({GERMAN_ARTICLES} deutsche Artikel, je {PER_LANGUAGE} in en, ar, tr, uk, fa)")
    print(f"  nur Deutsch:           {german['seconds']:7.2f}s  (Teaser {german['teaser_seconds']:.2f}s)")
    print(
        f"  mit {len(WORDS) * PER_LANGUAGE} Übersetzungen: {both['seconds']:7.2f}s  (Teaser {both['teaser_seconds']:.2f}s)"
    )
    print(f"  Verhältnis:            {ratio:7.2f}x  (Ziel höchstens {TARGET_RATIO}x)")


if __name__ == "__main__":
    sys.exit(main())
