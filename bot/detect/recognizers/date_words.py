"""The words and numbers dates are written with: month and weekday names in English and the
languages letters and forms arrive in, ordinals and years; the date recognizers' grammar shares them."""

from __future__ import annotations

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
# Month names of the other languages letters and forms arrive in (French, German, Spanish,
# Italian, Portuguese, Dutch, Danish, Swedish, Polish), taken only with a day and a year or a year ("3 mars 2026", "am 3.
# März 2026", "3 de marzo de 2026", "maart 2026"): alone, "mars" and "mai" are words.
FOREIGN_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
    r"|januar|j[äa]nner|februar|m[äa]rz|maerz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|januari|februari|maart|mei|augustus|marts|maj|augusti"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|pa[zź]dziernika"
    r"|listopada|grudnia"
    # the same in the nominative (Polish, Czech, Russian forms print it), and Romanian, Czech,
    # Slovak, Turkish, Hungarian, Finnish, Croatian, Catalan, Indonesian, Ukrainian, Greek
    r"|stycze[nń]|luty|marzec|kwiecie[nń]|czerwiec|lipiec|sierpie[nń]|wrzesie[nń]|pa[zź]dziernik|listopad"
    r"|grudzie[nń]"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
    r"|leden|ledna|[úu]nor|[úu]nora|b[řr]ezen|b[řr]ezna|duben|dubna|kv[ěe]ten|kv[ěe]tna|[čc]erven|[čc]ervna"
    r"|[čc]ervenec|[čc]ervence|srpen|srpna|z[áa][řr][íi]|[řr][íi]jen|[řr][íi]jna|listopadu|prosinec|prosince"
    r"|janu[áa]ra?|febru[áa]ra?|apr[íi]la?|m[áa]ja|j[úu]na?|j[úu]la?|augusta|septembra|okt[óo]bra|novembra|decembra"
    r"|ocak|[şs]ubat|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k"
    r"|janu[áa]r|febru[áa]r|m[áa]rcius|[áa]prilis|m[áa]jus|j[úu]nius|j[úu]lius|augusztus|szeptember|okt[óo]ber"
    r"|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kes[äa]kuuta|hein[äa]kuuta|elokuuta|syyskuuta"
    r"|lokakuuta|marraskuuta|joulukuuta"
    r"|sije[čc]nja|velja[čc]e|o[žz]ujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|studenoga|prosinca"
    r"|gener|febrer|mar[çc]|maig|juny|juliol|agost|setembre|desembre"
    r"|maret|agustus|desember|feber"
    r"|январь|февраль|апрель|июнь|июль|сентябрь|октябрь|ноябрь|декабрь"
    r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
    r"|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου"
    r"|νοεμβρίου|δεκεμβρίου"
    # Russian (genitive, as a date writes it) and Hindi month names
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|जनवरी|फ़?फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)(?![\p{L}\p{M}])"
)
YEAR = r"(?:,?\s*(?:(?:19|20)\d{2}|'\d{2}))"
# Other languages' month abbreviations, as mail clients quote a date ("4 févr. 2025", "4 mrt.
# 2025", "4 de mar. de 2025", "4. Okt. 2025"): taken only between a day and a year, since
# "set", "out", "mai" and "gen" are words.
FOREIGN_MONTH_ABBR = (
    r"(?:janv|f[ée]vr|avr|juil|d[ée]c|mrt|okt|ene|abr|ago|set|sett|out|dic|dez|m[äa]r|mae|mai"
    r"|gen|mag|giu|lug|ott|sty|lut|kwi|cze|lip|sie|wrz|pa[zź]|lis|gru|jan|feb|apr|jun|jul|aug"
    r"|sep|nov|mar|may|oct"
    # Turkish, Romanian, Danish and Norwegian, Czech and Finnish abbreviations
    r"|oca|[şs]ub|nis|haz|tem|a[ğg]u|eyl|eki|kas|ara|ian|iun|iul|noi|des|maa|kv[ěe]|srp|z[áa][řr]|[řr][íi]j|pro"
    r"|tam|hel|huh|tou|kes|hei|elo|syy|lok|jou)(?![\p{L}])"
)
# A month in another language that is no word of English or of chat ("mars", "mai", "mei",
# "mart" and "mayo" are), so a day before it is enough ("Last contact 24 juni", "Date: 12
# junho", "8 luty"); see `foreign_day_month_bare_medium`

ORD = r"(?:st|nd|rd|th)?"
DAY = r"(?:mon|tues?|weds?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A weekday as written, in full or short, perhaps with a full stop ("Tuesday", "Fri.")
DAY_WORD = rf"(?:{WEEKDAY}|{DAY})\.?"


ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[- ]first)"
)
