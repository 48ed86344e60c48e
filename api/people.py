"""A person's name and phone number as every route stores and matches them (HR's invitations, share-link
joins): one canonical form, so "+86 138-0013-8000", "8613800138000" and "13800138000" are one person.

Phone numbers are parsed with `phonenumbers` (Google's libphonenumber metadata), Chinese numbers by default:
a valid CN number is stored in its national form as digits ("13800138000", a landline "076666888866"), any
other valid number in E.164 ("+82101234567"); a string libphonenumber cannot read is kept as its digits
(the schemas' 6–15 digit rule then decides). Names: Unicode NFKC (full-width letters and spaces folded),
surrounding whitespace stripped, inner runs of whitespace made one space.
"""
import re
import unicodedata

import marshmallow as ma
import phonenumbers

SEPARATORS = re.compile(r"[\s\-().·/]")
CN_WITHOUT_PLUS = re.compile(r"^86(1\d{10})$")  # "8613800138000": the country code typed without + or 00


def normalise_phone(raw: str | None) -> str | None:
    """The canonical phone string (see the module doc), None for None or an empty string."""
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", raw).strip()
    digits = SEPARATORS.sub("", text)
    if not digits:
        return None
    if match := CN_WITHOUT_PLUS.match(digits):
        digits = "+86" + match.group(1)
    try:
        number = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return digits
    if not phonenumbers.is_valid_number(number):
        return digits
    if phonenumbers.region_code_for_number(number) == "CN":
        return re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_name(raw: str | None) -> str | None:
    """NFKC, stripped, inner whitespace runs as one space; None for None."""
    if raw is None:
        return None
    return " ".join(unicodedata.normalize("NFKC", raw).split())


MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
PHONE_CHARACTERS = re.compile(r"^[+\d\s\-().·/]+$")
MOBILE_ERROR = "手机号格式不对：请填写中国大陆 11 位手机号（可以带 +86 或 0086，可以有空格或短横线），例如 138 0013 8000。"


def mainland_mobile(raw: str | None) -> str | None:
    """The 11-digit mainland mobile number in `raw` ("+86 138-0013-8000", "0086 13800138000",
    "8613800138000", full-width digits → "13800138000"); None for None or blank. ValueError(MOBILE_ERROR) for
    anything else: letters or an extension ("+8613800138000x1"), a wrong length, a landline, another country."""
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return None
    if not PHONE_CHARACTERS.match(text):
        raise ValueError(MOBILE_ERROR)
    phone = normalise_phone(text)
    if phone is None or not MAINLAND_MOBILE.match(phone):
        raise ValueError(MOBILE_ERROR)
    return phone


class PersonName(ma.fields.String):
    """A person's name, stored normalised (normalise_name); validators see the normalised value."""

    def _deserialize(self, value, attr, data, **kwargs):
        return normalise_name(super()._deserialize(value, attr, data, **kwargs))


class Phone(ma.fields.String):
    """A phone number, stored in its canonical form (normalise_phone); validators see that form."""

    def _deserialize(self, value, attr, data, **kwargs):
        return normalise_phone(super()._deserialize(value, attr, data, **kwargs))


class MobilePhone(ma.fields.String):
    """A mainland mobile number (mainland_mobile), stored as its 11 digits; anything else is refused (422)."""

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            return mainland_mobile(super()._deserialize(value, attr, data, **kwargs))
        except ValueError as error:
            raise ma.ValidationError(str(error)) from error
