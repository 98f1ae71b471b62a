"""The word filter: two tested lists, rude variants that must be refused and ordinary
children's sentences (Dutch and English) that must pass; and what it does with names."""

import pytest

from workshop.domain.errors import Refused
from workshop.domain.texts import clean_text
from workshop.domain.wordfilter import bad_words, has_bad_word

# Rude words and the ways children dodge a filter: case, accents, digits for letters,
# letters split by dots, spaces, dashes or stars, stretched letters, compounds.
RUDE = [
    # Dutch
    "kut", "KUT", "k.u.t", "k u t", "k-u-t", "k_u_t", "k . u . t", "kuuuut", "Kút",
    "wat een kutidee", "kutweer vandaag", "ku.t", "kan-ker", "kanker", "k4nk3r", "KaNkEr!!!",
    "kankerzooi", "jij bent een kankerlijer", "kenker", "kkr", "k a n k e r", "krijg de tering",
    "teringherrie", "tyfus", "klerelijer", "klerezooi", "lul", "1u1", "klootzak", "kl00tzak",
    "kloooootzak", "hoer", "h03r", "hoerenzoon", "slet", "trut", "neuken", "godverdomme",
    "gvd", "flikker", "mongool", "neger", "kaffer", "piemel", "tieten", "sukkel", "wijf",
    "pleuris", "sodemieter", "schijt", "kech", "kahba", "amk", "fakking saai",
    "hallo,kanker", "kut!", "ｋｕｔ", "kаnker",  # full-width letters; a Cyrillic а
    "ku\u00adt", "k\u200bu\u200bt",  # a soft hyphen, zero-width spaces
    # English
    "fuck", "FUCK", "fuuuuck", "f.u.c.k", "f u c k", "fu ck", "fck", "fucking hell",
    "fuckface", "motherfucker", "shit", "SH1T", "sh!t", "$hit", "5h1t", "shithead",
    "bullshit", "bitch", "b1tch", "bastard", "asshole", "a$$hole", "dick", "d1ck", "cock",
    "cunt", "c u n t", "pussy", "slut", "whore", "fag", "faggot", "retard", "wanker",
    "twat", "porn", "sex", "s3x", "sexy", "kill yourself", "kys",
]

# What children of 8 to 12 write in these workshops, and words a naive filter refuses.
ORDINARY = [
    # Dutch
    "Een winkel met gratis kleren", "de poep van honden opruimen", "hondenpoep opruimen",
    "Homo sapiens museum", "Een klerenkast vol verkleedkleren", "kunst en cultuur",
    "een doos met lego", "grappig", "kookles", "een kakelende kip", "klassiek concert",
    "Hoera, een feest voor de hele buurt!", "de lampjes flikkeren in het donker",
    "een reis naar Mongolië", "shiitake en andere paddenstoelen kweken",
    "een museum over Dick Bruna en Nijntje", "Moby Dick voorlezen in de bibliotheek",
    "een tentoonstelling over Anne Frank en de nazi's", "een hut bouwen in het park",
    "dansles voor groep 7 en 8", "een muurschildering bij de bso", "3 keer per week voetbal",
    "schaken met opa", "een tekenclub op woensdag", "Kan ik ook mee?", "Dat kan kerstmis worden",
    "een dikke knuffel", "het kussen van de bank", "een kikker in de sloot",
    "theater met poppen", "de hoed van de tovenaar",
    "popkoor met de juf", "graffiti op een muur die het mag", "1e prijs voor de beste tekening",
    "een k-pop dansgroep", "vlaggetjes ophangen", "Wat is er a.u.b. te doen?", "o.a. muziek",
    "samen koken", "sexbierum is een dorp in Friesland",
    # English
    "Scunthorpe", "Sussex", "Middlesex", "Essex", "skills", "a class assembly",
    "a glass of water", "Dickens museum", "the cockpit of a plane", "a cocktail party",
    "a peacock in the zoo", "Arsenal football club", "a lullaby for the baby",
    "Pissarro paintings", "an assistant for the teacher", "a bass guitar", "Hancock park",
    "shitake soup", "we can sing", "a fun cup of hot chocolate", "painting and drawing",
    "a scary ghost house", "cooking class with grandma", "A B C songs", "my dog Dodo",
]

# Children's names: real first names pass, including ones a filter might trip over.
NAMES_THAT_PASS = ["Sam", "Noor", "Daan", "Mohammed", "Ayşe", "Dick", "Adolf", "Fanny",
                   "Titus", "Kuta", "Kutay", "Kutlu", "Sexton", "Hoessein", "Mila-Rose", "Isis"]
NAMES_REFUSED = ["Kut", "k.u.t", "Hitler", "Adolf Hitler", "H1tler", "nazi", "Fuckface"]


@pytest.mark.parametrize("text", RUDE)
def test_rude_variants_are_refused(text):
    assert bad_words(text), text


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_sentences_pass(text):
    assert not bad_words(text), (text, bad_words(text))


def test_the_lists_are_long_enough():
    assert len(RUDE) >= 30 and len(ORDINARY) >= 30


@pytest.mark.parametrize("name", NAMES_THAT_PASS)
def test_real_first_names_pass(name):
    assert clean_text(name, "name") == name


@pytest.mark.parametrize("name", NAMES_REFUSED)
def test_rude_or_hateful_names_are_refused(name):
    with pytest.raises(Refused) as caught:
        clean_text(name, "name")
    assert caught.value.code == "text_bad_word"


def test_names_of_history_may_be_written_in_an_idea():
    assert not has_bad_word("een les over Hitler en de oorlog")
    assert has_bad_word("Hitler", name=True)


def test_the_words_found_are_given_in_order():
    assert bad_words("jij k.u.t en shit") == ["kut", "shit"]


# --- the other languages children can type in on the tablet: Turkish, Arabic, Polish ---

RUDE_TURKISH = [
    "siktir", "SİKTİR", "SIKTIR", "sıktır git", "S1kt1r", "s i k t i r", "siiiiktir",
    "orospu", "orospu çocuğu", "OROSPU", "amk", "aq", "sikerim",
    "ananı sikeyim", "amına koyayım", "amina koyim", "göt", "GÖT", "piç", "yavşak", "yarrak",
    "kahpe", "pezevenk", "ibne", "şerefsiz", "gerizekalı", "götveren",
]
ORDINARY_TURKISH = [
    "Okuldan sonra futbol oynuyorum", "Sık sık kütüphaneye gidiyorum", "sıkıcı değil, çok güzel",
    "İstanbul'daki gibi büyük bir müze", "Işıklı bir park", "Bir kutu lego", "Amina ile resim",
    "Doğum günü kutlaması", "kutuplar ve penguenler", "Bir köpek parkı", "dans ve müzik",
    "Yarın tiyatroya gidiyoruz", "Amcam bana gitar öğretiyor", "I got a new bike",
    "sinema ve patlamış mısır", "Kitap okumak çok eğlenceli",
]
RUDE_ARABIC = [
    "شرموطة", "شـــرموطة", "شَرْمُوطَة", "الشرموطة", "والشرموطة", "ش ر م و ط ة", "قحبة",
    "قحبه", "كس امك", "كسمك", "زب", "طيز", "نيك", "منيوك", "يا منيوك", "متناك", "خول",
    "معرص", "يلعن ابوك", "ابن الكلب", "إبن القحبة",
]
ORDINARY_ARABIC = [
    "أريد حديقة للكلاب", "حمار في المزرعة", "مكتبة كبيرة للأطفال", "نلعب كرة القدم",
    "الرسم والموسيقى", "كسرة خبز", "زبدة وعسل", "ابن عمي يرسم", "مسرح للأطفال في الحي",
    "نريد ملعبًا للجميع", "طبخ من كل العالم", "أحب الرقص", "كلب صغير لطيف",
]
RUDE_POLISH = [
    "kurwa", "KURWA!!!", "Kurwą", "k u r w a", "kurrrrwa", "kurw1", "kurewski", "chuj",
    "chujowy", "huj", "jebać", "pojebany", "pierdolę", "pierdolić", "Spierdalaj",
    "wypierdalaj", "pizda", "skurwysyn", "skurwiel", "ciota", "zjeb", "debil", "dupek",
]
ORDINARY_POLISH = [
    "Chcę grać w piłkę nożną", "pedał od roweru", "Szmata do sprzątania", "hulajnoga i rower",
    "huśtawka w parku", "kurczak z ryżem", "nowa kurtka", "pizza z serem", "Dupa", "debiut",
    "Łódź i Kraków", "Teatr dla dzieci", "Źrebak na farmie", "Gotowanie z babcią",
]


@pytest.mark.parametrize("text", RUDE_TURKISH + RUDE_ARABIC + RUDE_POLISH)
def test_rude_words_in_turkish_arabic_and_polish_are_refused(text):
    assert bad_words(text), text


@pytest.mark.parametrize("text", ORDINARY_TURKISH + ORDINARY_ARABIC + ORDINARY_POLISH)
def test_ordinary_turkish_arabic_and_polish_pass(text):
    assert not bad_words(text), (text, bad_words(text))


def test_turkish_dotted_and_dotless_i_fold_to_one_letter():
    assert bad_words("SİKTİR") == bad_words("SIKTIR") == bad_words("sıktır") == ["siktir"]
    assert not has_bad_word("SIKICI DEĞİL") and not has_bad_word("ışık")


def test_arabic_vowel_marks_tatweel_and_letter_forms_are_one_word():
    plain = bad_words("قحبة")
    assert plain and bad_words("قَحْبَة") == plain and bad_words("قحـــبة") == plain
    assert bad_words("قحبه") == plain  # teh marbuta written as heh
    assert bad_words("إبن القحبة") == bad_words("ابن القحبه")


def test_names_in_every_language():
    for name in ("Ayşe", "Işıl", "İbrahim", "Amina", "Łucja", "Małgorzata", "محمد", "نور",
                 "فاطمة", "Kübra", "Wojciech"):
        assert clean_text(name, "name") == name
    with pytest.raises(Refused):
        clean_text("Kurwa", "name")
    with pytest.raises(Refused):
        clean_text("شرموطة", "name")
