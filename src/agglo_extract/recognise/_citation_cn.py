"""Notes written in the 《》 style of Chinese social-science journals, read into ``Fields``.

Grammar (``，`` may be ``,``; the final ``。`` is optional)::

    note     = [参见 | 见 | 转引自] [authors [role] "："] "《" title "》" ["，" rest] ["。"]
    rest     = "《" container "》" issue ["，" page]           -> J (N when the issue is a day)
             | url                                             -> EB/OL
             | ["第" volume "卷"] [translator "译，"] imprint ["，" page]   -> M
             | issue | document-number      (a body's own paper)   -> R or Z
    issue    = year "年" ["第" volume "卷"] ("第" issue "期" | month "月" [day "日"])
    imprint  = [place "："] publisher ["，"] year "年" ["版"]
    page     = "第" pages ("页" | "版")

The type code is never printed in this style: it is guessed (``J``, ``N``,
``M``, ``EB/OL``) and the citation says so in a ``type-code-missing``
warning. A 《》 title with nothing after it that tells where it was
published is not read (the caller raises ``CitationSyntaxError``).
"""

from __future__ import annotations

from . import _citation_patterns as P
from ._citation_parts import Fields, read_authors, read_pages


def read_cn_note(text: str) -> Fields | None:
    """The fields of a 《》-style note, or None when ``text`` is not one.

    >>> f = read_cn_note("杨帆：《城市群的治理》，《城市学刊》2018年第7期。")
    >>> f.authors, f.title, f.type_code, f.container, f.year, f.issue
    (('杨帆',), '城市群的治理', 'J', '城市学刊', 2018, '7')
    """
    body = P.CN_LEAD_IN.sub("", text.strip()).rstrip("。.． ")
    title = P.CN_BOOK_TITLE.search(body)
    if title is None:
        return None
    fields = Fields(title=title["title"].strip())
    prefix = P.CN_ROLE.sub("", body[: title.start()])
    if prefix.strip():
        if P.ASCII_DIGIT.search(prefix) or len(prefix) > 60:
            return None
        fields.authors, fields.et_al = read_authors(prefix)
    rest = body[title.end() :].lstrip("，,、 ")
    if rest.startswith("《"):
        code = _read_periodical(rest, fields)
    elif "://" in rest:
        code = _read_web(rest, fields)
    else:
        code = _read_book(rest, fields) or (_read_document(rest, fields) if fields.authors else None)
    if code is None:
        return None
    fields.type_code, _, carrier = code.partition("/")
    fields.carrier = carrier or None
    fields.warnings.append(f"type-code-missing: a 《》-style note; read as [{code}]")
    return fields


def _read_periodical(rest: str, fields: Fields) -> str | None:
    container = P.CN_BOOK_TITLE.match(rest)
    if container is None:
        return None
    fields.container = container["title"].strip()
    after = rest[container.end() :]
    issue = P.CN_ISSUE.search(after)
    if issue is None:
        return None
    fields.year = int(issue["year"])
    fields.volume = issue["volume"]
    fields.issue = issue["issue"]
    code = "J"
    if issue["month"]:
        fields.date = f"{issue['year']}-{int(issue['month']):02d}"
        if issue["day"]:
            fields.date += f"-{int(issue['day']):02d}"
        code = "N" if issue["day"] else "J"
    pages = P.CN_PAGES.search(after, issue.end())
    if pages is not None:
        fields.pages = read_pages(pages["pages"])
    return code


def _read_document(rest: str, fields: Fields) -> str | None:
    """A body's own paper, dated or numbered: 《统计公报》，2021 年 6 月 / 《通知》，国土资发〔2016〕147 号.

    Read as a report [R] when its title says so (报告, 公报, 通报, 年鉴), else as [Z] (other).

    >>> f = read_cn_note("某省统计局：《某省2020年统计公报》，2021 年 6 月。")
    >>> f.authors, f.title, f.type_code, f.date
    (('某省统计局',), '某省2020年统计公报', 'R', '2021-06')
    >>> f = read_cn_note("某部：《关于推进用地再开发的意见》，某资发〔2016〕147 号。")
    >>> f.type_code, f.number, f.year
    ('Z', '某资发〔2016〕147 号', 2016)
    """
    rest = rest.strip()
    number = P.CN_DOC_NUMBER.match(rest)
    if number is not None:
        fields.number = " ".join(number["number"].split())
        fields.year = int(number["year"])
    else:
        issue = P.CN_ISSUE.fullmatch(rest)
        if issue is None:
            return None
        fields.year = int(issue["year"])
        fields.issue = issue["issue"]
        if issue["month"]:
            fields.date = f"{issue['year']}-{int(issue['month']):02d}"
            if issue["day"]:
                fields.date += f"-{int(issue['day']):02d}"
    return "R" if (fields.title or "").endswith(("报告", "公报", "通报", "年鉴")) else "Z"


def _read_web(rest: str, fields: Fields) -> str | None:
    url = P.URL.search(rest)
    if url is None:
        return None
    fields.url = url["angled"] or url["bare"].rstrip(".,;")
    return "EB/OL"


def _read_book(rest: str, fields: Fields) -> str | None:
    volume = P.CN_VOLUME.match(rest)
    if volume is not None:
        fields.volume = volume["volume"]
    for piece in rest.replace(",", "，").split("，"):
        translators = P.TRANSLATORS.fullmatch(piece.strip())
        if translators is not None and piece.strip().endswith("译"):
            fields.translators = read_authors(translators["names"])[0]
            break
    imprint = P.CN_IMPRINT.search(rest)
    if imprint is None:
        return None
    fields.place = imprint["place"].strip() if imprint["place"] else None
    publisher = imprint["publisher"].strip()
    if "，" in publisher or "," in publisher:
        publisher = publisher.replace(",", "，").rsplit("，", 1)[-1].strip()
    fields.publisher = publisher
    fields.year = int(imprint["year"])
    pages = P.CN_PAGES.search(rest, imprint.end())
    if pages is not None and pages["unit"] == "页":
        fields.pages = read_pages(pages["pages"])
    return "M"
