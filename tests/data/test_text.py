import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.data.text import fold, person_sort_key, tokens


def test_fold_removes_every_diacritic_including_d_with_stroke():
    assert fold("Đảng viên Nguyễn Thị Ánh") == "dang vien nguyen thi anh"
    assert fold("ĐỨC đức") == "duc duc"


def test_fold_treats_decomposed_input_like_composed():
    decomposed = unicodedata.normalize("NFD", "Nguyễn Đức Thắng")
    assert fold(decomposed) == "nguyen duc thang"


@given(st.text())
def test_fold_keeps_positions_of_the_nfc_text(text):
    assert len(fold(text)) == len(unicodedata.normalize("NFC", text))


def test_tokens_split_on_punctuation():
    assert tokens("Đảng viên, chi bộ!") == ["dang", "vien", "chi", "bo"]


def test_people_sort_by_given_name_in_vietnamese_order():
    names = ["Nguyễn Thị Bình", "Trần Văn An", "Lê Văn Ân", "Vũ Văn Đông", "Lý Văn Dũng"]
    assert sorted(names, key=person_sort_key) == [
        "Trần Văn An",
        "Lê Văn Ân",
        "Nguyễn Thị Bình",
        "Lý Văn Dũng",
        "Vũ Văn Đông",
    ]
