"""reviews and ratings, criticism and shortcomings, emulation and commendations

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22

A review campaign (the year's, a quarter's or an ad hoc one) holds each
member's personal review, the cell's discussion, vote and the commune's
decision, and the cell's own collective review. Criticism and self-criticism
are recorded from any meeting or review; shortcomings are followed up until
fixed. Emulation pledges and commendations belong to the cell or a member.
Members get the work group that decides their review form (everyone already
in the book starts as working outside the political system, form 2C, the
usual case in a village cell) and the unit they work in.

Rule sets kept in the book gain the review section (review forms and the
conditions of the "excellent" level) as shipped on this date.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

MEMBER_REVIEW_RULES = json.loads(
    '{"conditions": [{"id": "all_tasks_on_time", "title": {"en": "All tasks done on time and to standard", "vi": "Hoàn thành 100% nhiệm vụ đúng tiến độ, bảo đảm chất lượng"}}, {"id": "exceeds_30_percent", "title": {"en": "At least 30% of tasks done beyond what was required", "vi": "Ít nhất 30% chỉ tiêu, nhiệm vụ hoàn thành vượt mức yêu cầu"}}, {"id": "earlier_shortcomings_fixed", "title": {"en": "Shortcomings pointed out earlier have been fixed", "vi": "Đã khắc phục những hạn chế, khuyết điểm được chỉ ra trước đó"}}], "forms": [{"code": "Mẫu 2A-HD KĐ.ĐG", "id": "2A", "sections": [{"id": "strengths", "title": {"en": "Strengths and results", "vi": "Ưu điểm, kết quả đạt được"}}, {"id": "shortcomings", "title": {"en": "Shortcomings and their causes", "vi": "Hạn chế, khuyết điểm và nguyên nhân"}}, {"id": "earlier_fixes", "title": {"en": "How shortcomings pointed out in earlier reviews were fixed", "vi": "Kết quả khắc phục những hạn chế, khuyết điểm đã được chỉ ra ở các kỳ kiểm điểm trước"}}, {"id": "responsibility", "title": {"en": "Own responsibility for the shortcomings of the collective (if any)", "vi": "Làm rõ trách nhiệm của cá nhân đối với những hạn chế, khuyết điểm của tập thể (nếu có)"}}, {"id": "remedies", "title": {"en": "Remedies for the shortcomings, with a timeline", "vi": "Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"}}, {"id": "self_level", "title": {"en": "Self-rated level", "vi": "Tự nhận mức xếp loại chất lượng"}}], "statuses": ["full", "away"], "title": {"en": "Personal review (members in leading or managing posts)", "vi": "Bản kiểm điểm cá nhân (dùng cho đảng viên giữ chức vụ lãnh đạo, quản lý)"}, "work_groups": ["leader"]}, {"code": "Mẫu 2B-HD KĐ.ĐG", "id": "2B", "sections": [{"id": "strengths", "title": {"en": "Strengths and results", "vi": "Ưu điểm, kết quả đạt được"}}, {"id": "shortcomings", "title": {"en": "Shortcomings and their causes", "vi": "Hạn chế, khuyết điểm và nguyên nhân"}}, {"id": "earlier_fixes", "title": {"en": "How shortcomings pointed out in earlier reviews were fixed", "vi": "Kết quả khắc phục những hạn chế, khuyết điểm đã được chỉ ra ở các kỳ kiểm điểm trước"}}, {"id": "remedies", "title": {"en": "Remedies for the shortcomings, with a timeline", "vi": "Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"}}, {"id": "self_level", "title": {"en": "Self-rated level", "vi": "Tự nhận mức xếp loại chất lượng"}}], "statuses": ["full", "away"], "title": {"en": "Personal review (members in the political system without a leading post)", "vi": "Bản kiểm điểm cá nhân (dùng cho đảng viên không giữ chức vụ lãnh đạo, quản lý)"}, "work_groups": ["political_system"]}, {"code": "Mẫu 2C-HD KĐ.ĐG", "id": "2C", "sections": [{"id": "strengths", "title": {"en": "Strengths and results", "vi": "Ưu điểm, kết quả đạt được"}}, {"id": "shortcomings", "title": {"en": "Shortcomings and their causes", "vi": "Hạn chế, khuyết điểm và nguyên nhân"}}, {"id": "remedies", "title": {"en": "Remedies for the shortcomings, with a timeline", "vi": "Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"}}, {"id": "self_level", "title": {"en": "Self-rated level", "vi": "Tự nhận mức xếp loại chất lượng"}}], "statuses": ["full", "away"], "title": {"en": "Personal review (members not working in the political system)", "vi": "Bản kiểm điểm cá nhân (dùng cho đảng viên không làm việc trong hệ thống chính trị)"}, "work_groups": ["outside"]}, {"code": "", "id": "probationary", "sections": [{"id": "strengths", "title": {"en": "Strengths and results", "vi": "Ưu điểm, kết quả đạt được"}}, {"id": "shortcomings", "title": {"en": "Shortcomings and their causes", "vi": "Hạn chế, khuyết điểm và nguyên nhân"}}, {"id": "remedies", "title": {"en": "Remedies for the shortcomings, with a timeline", "vi": "Phương hướng, biện pháp khắc phục hạn chế, khuyết điểm"}}, {"id": "self_level", "title": {"en": "Self-rated level", "vi": "Tự nhận mức xếp loại chất lượng"}}], "statuses": ["probationary"], "title": {"en": "Self-review (probationary members)", "vi": "Bản tự kiểm điểm (dùng cho đảng viên dự bị)"}, "work_groups": ["leader", "political_system", "outside"]}], "reviewed_statuses": ["full", "probationary", "away"]}'
)


def _synced() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("updated_on", sa.String(length=36), nullable=False),
        sa.Column("org_id", sa.String(length=36), nullable=False),
        sa.Column("change_seq", sa.Integer(), nullable=False),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def _table(name: str, columns: list[sa.Column], links: dict[str, str], *extra) -> None:
    op.create_table(
        name,
        *columns,
        *_synced(),
        *(_fk(name, column, target) for column, target in links.items()),
        _fk(name, "org_id", "organisation"),
        sa.PrimaryKeyConstraint("id", name=f"pk_{name}"),
        *extra,
    )


def _indexes(table: str, *columns: str) -> None:
    for column in (*columns, "change_seq", "org_id"):
        op.create_index(f"ix_{table}_{column}", table, [column])


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=False)


def _string(name: str, length: int) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=False)


def _votes(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}votes_{kind}", sa.Integer(), nullable=True)
        for kind in ("for", "against", "abstain")
    ]


def upgrade() -> None:
    _table(
        "review_campaign",
        [
            sa.Column("year", sa.Integer(), nullable=False),
            _string("period", 24),
            sa.Column("quarter", sa.Integer(), nullable=True),
            _string("title", 300),
            sa.Column("started_on", sa.Date(), nullable=False),
            sa.Column("meeting_id", sa.String(length=36), nullable=True),
            _text("cell_strengths"),
            _text("cell_shortcomings"),
            _text("cell_earlier_fixes"),
            _text("cell_remedies"),
            _string("cell_self_level", 32),
            _string("cell_proposed_level", 32),
            *_votes("cell_"),
            _string("cell_decided_level", 32),
            sa.Column("cell_decided_on", sa.Date(), nullable=True),
            _string("cell_decision_ref", 120),
        ],
        {"meeting_id": "meeting"},
    )
    _indexes("review_campaign", "year")
    _table(
        "member_review",
        [
            sa.Column("campaign_id", sa.String(length=36), nullable=False),
            sa.Column("member_id", sa.String(length=36), nullable=False),
            _string("form_id", 24),
            _string("state", 24),
            _text("strengths"),
            _text("shortcomings"),
            _text("earlier_fixes"),
            _text("responsibility"),
            _text("remedies"),
            _string("self_level", 32),
            sa.Column("written_on", sa.Date(), nullable=True),
            sa.Column("discussed_on", sa.Date(), nullable=True),
            sa.Column("points", sa.Integer(), nullable=True),
            sa.Column("conditions_met", sa.JSON(), nullable=False),
            _string("proposed_level", 32),
            *_votes(""),
            sa.Column("voted_on", sa.Date(), nullable=True),
            _string("decided_level", 32),
            sa.Column("decided_on", sa.Date(), nullable=True),
            _string("decision_ref", 120),
        ],
        {"campaign_id": "review_campaign", "member_id": "member"},
        sa.UniqueConstraint("campaign_id", "member_id", name="uq_member_review_campaign_id"),
    )
    _indexes("member_review", "campaign_id", "member_id")
    _table(
        "criticism",
        [
            sa.Column("given_on", sa.Date(), nullable=False),
            _string("kind", 24),
            sa.Column("by_member_id", sa.String(length=36), nullable=True),
            _string("by_name", 120),
            sa.Column("about_member_id", sa.String(length=36), nullable=True),
            sa.Column("meeting_id", sa.String(length=36), nullable=True),
            sa.Column("review_id", sa.String(length=36), nullable=True),
            _text("content"),
        ],
        {
            "by_member_id": "member",
            "about_member_id": "member",
            "meeting_id": "meeting",
            "review_id": "member_review",
        },
    )
    _indexes("criticism", "about_member_id", "given_on", "review_id")
    _table(
        "shortcoming",
        [
            sa.Column("member_id", sa.String(length=36), nullable=True),
            sa.Column("raised_on", sa.Date(), nullable=False),
            _text("content"),
            _text("remedy"),
            sa.Column("deadline", sa.Date(), nullable=True),
            _string("status", 24),
            _text("follow_up"),
            sa.Column("followed_up_on", sa.Date(), nullable=True),
            sa.Column("criticism_id", sa.String(length=36), nullable=True),
            sa.Column("review_id", sa.String(length=36), nullable=True),
        ],
        {"member_id": "member", "criticism_id": "criticism", "review_id": "member_review"},
    )
    _indexes("shortcoming", "member_id", "raised_on", "status")
    _table(
        "emulation_pledge",
        [
            sa.Column("year", sa.Integer(), nullable=False),
            sa.Column("member_id", sa.String(length=36), nullable=True),
            sa.Column("pledged_on", sa.Date(), nullable=False),
            _text("content"),
            _text("result"),
            sa.Column("achieved", sa.Boolean(), nullable=True),
        ],
        {"member_id": "member"},
    )
    _indexes("emulation_pledge", "member_id", "year")
    _table(
        "commendation",
        [
            sa.Column("member_id", sa.String(length=36), nullable=True),
            sa.Column("given_on", sa.Date(), nullable=False),
            _string("title", 200),
            _string("given_by", 200),
            _text("reason"),
            _string("decision_ref", 120),
        ],
        {"member_id": "member"},
    )
    _indexes("commendation", "given_on", "member_id")

    op.add_column(
        "member",
        sa.Column("work_group", sa.String(length=24), nullable=False, server_default="outside"),
    )
    op.add_column(
        "member", sa.Column("workplace", sa.String(length=200), nullable=False, server_default="")
    )
    _add_review_rules()
    op.execute("PRAGMA user_version = 8")


def _add_review_rules() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, content FROM rule_set")).fetchall()
    for row_id, content in rows:
        data = json.loads(content)
        if "member_review" in data:
            continue
        data["member_review"] = MEMBER_REVIEW_RULES
        connection.execute(
            sa.text("UPDATE rule_set SET content = :content WHERE id = :id"),
            {
                "content": json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                "id": row_id,
            },
        )


def downgrade() -> None:
    with op.batch_alter_table("member") as batch:
        batch.drop_column("workplace")
        batch.drop_column("work_group")
    for table in (
        "commendation",
        "emulation_pledge",
        "shortcoming",
        "criticism",
        "member_review",
        "review_campaign",
    ):
        op.drop_table(table)
    op.execute("PRAGMA user_version = 7")
