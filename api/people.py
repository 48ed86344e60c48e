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


class PersonName(ma.fields.String):
    """A person's name, stored normalised (normalise_name); validators see the normalised value."""

    def _deserialize(self, value, attr, data, **kwargs):
        return normalise_name(super()._deserialize(value, attr, data, **kwargs))


class Phone(ma.fields.String):
    """A phone number, stored in its canonical form (normalise_phone); validators see that form."""

    def _deserialize(self, value, attr, data, **kwargs):
        return normalise_phone(super()._deserialize(value, attr, data, **kwargs))
