"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from alembic import op
import sqlalchemy as sa

APPLICATION_ID = 0x43424F4B  # "CBOK", as in desktop.data.schema


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('book_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('book_id', sa.String(length=36), nullable=False),
    sa.Column('owner_org_id', sa.String(length=36), nullable=False),
    sa.Column('change_counter', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('created_with', sa.String(length=32), nullable=False),
    sa.Column('last_written_with', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_book_state'))
    )
    op.create_table('organisation',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('cell_type', sa.String(length=24), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('commune_name', sa.String(length=200), nullable=False),
    sa.Column('province', sa.String(length=200), nullable=False),
    sa.Column('place_name', sa.String(length=200), nullable=False),
    sa.Column('superior_line', sa.String(length=200), nullable=False),
    sa.Column('issuer_line', sa.String(length=200), nullable=False),
    sa.Column('issuer_code', sa.String(length=16), nullable=False),
    sa.Column('meeting_day', sa.Integer(), nullable=False),
    sa.Column('parent_org_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_organisation_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_org_id'), ['org_id'], unique=False)

    op.create_table('rule_set',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('rule_set_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('installed_at', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_set')),
    sa.UniqueConstraint('rule_set_id', 'version', name=op.f('uq_rule_set_rule_set_id'))
    )
    op.create_table('tombstone',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('record_id', sa.String(length=36), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('deleted_at', sa.String(length=32), nullable=False),
    sa.Column('deleted_on', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tombstone'))
    )
    with op.batch_alter_table('tombstone', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tombstone_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_tombstone_record_id'), ['record_id'], unique=False)

    op.create_table('committee_term',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_committee_term_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_term'))
    )
    with op.batch_alter_table('committee_term', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_term_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_committee_term_org_id'), ['org_id'], unique=False)

    op.create_table('member',
    sa.Column('full_name', sa.String(length=120), nullable=False),
    sa.Column('sort_key', sa.String(length=400), nullable=False),
    sa.Column('sex', sa.String(length=24), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('citizen_id', sa.String(length=12), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('admission_date', sa.Date(), nullable=True),
    sa.Column('official_date', sa.Date(), nullable=True),
    sa.Column('card_number', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('home_cell', sa.String(length=200), nullable=False),
    sa.Column('ethnicity', sa.String(length=60), nullable=False),
    sa.Column('religion', sa.String(length=60), nullable=False),
    sa.Column('education_level', sa.String(length=60), nullable=False),
    sa.Column('theory_level', sa.String(length=60), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_member_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_member'))
    )
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_member_card_number'), ['card_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_member_status'), ['status'], unique=False)

    op.create_table('committee_post',
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('post', sa.String(length=24), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('note', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_committee_post_member_id_member')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_committee_post_org_id_organisation')),
    sa.ForeignKeyConstraint(['term_id'], ['committee_term.id'], name=op.f('fk_committee_post_term_id_committee_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_post'))
    )
    with op.batch_alter_table('committee_post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_committee_post_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_committee_post_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_committee_post_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_committee_post_term_id'), ['term_id'], unique=False)

    op.create_table('meeting',
    sa.Column('kind', sa.String(length=24), nullable=False),
    sa.Column('state', sa.String(length=24), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('scheduled_on', sa.Date(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('start_time', sa.Time(), nullable=True),
    sa.Column('end_time', sa.Time(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('chair_id', sa.String(length=36), nullable=True),
    sa.Column('minute_taker_id', sa.String(length=36), nullable=True),
    sa.Column('score', sa.Float(), nullable=True),
    sa.Column('grade', sa.String(length=40), nullable=False),
    sa.Column('superior_remarks', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['chair_id'], ['member.id'], name=op.f('fk_meeting_chair_id_member')),
    sa.ForeignKeyConstraint(['minute_taker_id'], ['member.id'], name=op.f('fk_meeting_minute_taker_id_member')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_meeting_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_scheduled_on'), ['scheduled_on'], unique=False)

    op.create_table('agenda_item',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('presenter_id', sa.String(length=36), nullable=True),
    sa.Column('ready', sa.Boolean(), nullable=False),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_agenda_item_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_agenda_item_org_id_organisation')),
    sa.ForeignKeyConstraint(['presenter_id'], ['member.id'], name=op.f('fk_agenda_item_presenter_id_member')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agenda_item_org_id'), ['org_id'], unique=False)

    op.create_table('attendance',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('member_id', sa.String(length=36), nullable=False),
    sa.Column('member_status', sa.String(length=24), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('reason', sa.String(length=300), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_attendance_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_attendance_member_id_member')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_attendance_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'member_id', name=op.f('uq_attendance_meeting_id'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_org_id'), ['org_id'], unique=False)

    op.create_table('document_record',
    sa.Column('term_id', sa.String(length=36), nullable=False),
    sa.Column('doc_type', sa.String(length=24), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('issuer_code', sa.String(length=16), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('meeting_id', sa.String(length=36), nullable=True),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_document_record_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_document_record_org_id_organisation')),
    sa.ForeignKeyConstraint(['term_id'], ['committee_term.id'], name=op.f('fk_document_record_term_id_committee_term')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_record')),
    sa.UniqueConstraint('org_id', 'term_id', 'doc_type', 'number', name=op.f('uq_document_record_org_id'))
    )
    with op.batch_alter_table('document_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_record_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_record_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_record_term_id'), ['term_id'], unique=False)

    op.create_table('meeting_guest',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('is_superior', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_guest_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_meeting_guest_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_guest'))
    )
    with op.batch_alter_table('meeting_guest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_guest_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_guest_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_guest_org_id'), ['org_id'], unique=False)

    op.create_table('resolution',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('evaluation', sa.Text(), nullable=False),
    sa.Column('directions', sa.Text(), nullable=False),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_against', sa.Integer(), nullable=True),
    sa.Column('votes_abstain', sa.Integer(), nullable=True),
    sa.Column('voters_present', sa.Integer(), nullable=True),
    sa.Column('adopted_at', sa.String(length=32), nullable=True),
    sa.Column('document_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['document_record.id'], name=op.f('fk_resolution_document_id_document_record')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_resolution_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_resolution_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resolution')),
    sa.UniqueConstraint('meeting_id', name=op.f('uq_resolution_meeting_id'))
    )
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolution_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_resolution_org_id'), ['org_id'], unique=False)

    op.create_table('speech',
    sa.Column('meeting_id', sa.String(length=36), nullable=False),
    sa.Column('agenda_item_id', sa.String(length=36), nullable=True),
    sa.Column('member_id', sa.String(length=36), nullable=True),
    sa.Column('speaker_name', sa.String(length=120), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('is_recommendation', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_speech_agenda_item_id_agenda_item')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_speech_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['member_id'], ['member.id'], name=op.f('fk_speech_member_id_member')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_speech_org_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speech'))
    )
    with op.batch_alter_table('speech', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_speech_agenda_item_id'), ['agenda_item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speech_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_speech_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_speech_org_id'), ['org_id'], unique=False)

    op.create_table('recommendation',
    sa.Column('meeting_id', sa.String(length=36), nullable=True),
    sa.Column('speech_id', sa.String(length=36), nullable=True),
    sa.Column('raised_by_id', sa.String(length=36), nullable=True),
    sa.Column('raised_on', sa.Date(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('addressee', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('forwarded_on', sa.Date(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_recommendation_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_recommendation_org_id_organisation')),
    sa.ForeignKeyConstraint(['raised_by_id'], ['member.id'], name=op.f('fk_recommendation_raised_by_id_member')),
    sa.ForeignKeyConstraint(['speech_id'], ['speech.id'], name=op.f('fk_recommendation_speech_id_speech')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation'))
    )
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_raised_on'), ['raised_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendation_status'), ['status'], unique=False)

    op.create_table('resolution_task',
    sa.Column('resolution_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('assignee_id', sa.String(length=36), nullable=True),
    sa.Column('assignee_text', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('result', sa.String(length=24), nullable=False),
    sa.Column('result_note', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.Column('updated_at', sa.String(length=32), nullable=False),
    sa.Column('updated_on', sa.String(length=36), nullable=False),
    sa.Column('org_id', sa.String(length=36), nullable=False),
    sa.Column('change_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_id'], ['member.id'], name=op.f('fk_resolution_task_assignee_id_member')),
    sa.ForeignKeyConstraint(['org_id'], ['organisation.id'], name=op.f('fk_resolution_task_org_id_organisation')),
    sa.ForeignKeyConstraint(['resolution_id'], ['resolution.id'], name=op.f('fk_resolution_task_resolution_id_resolution')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resolution_task'))
    )
    with op.batch_alter_table('resolution_task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resolution_task_change_seq'), ['change_seq'], unique=False)
        batch_op.create_index(batch_op.f('ix_resolution_task_org_id'), ['org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_resolution_task_resolution_id'), ['resolution_id'], unique=False)

    # Full-text search over folded text (see desktop/data/search_index.py).
    op.execute(
        "CREATE TABLE search_doc (rowid INTEGER PRIMARY KEY, record_id VARCHAR(36) NOT NULL "
        "UNIQUE, kind VARCHAR(24) NOT NULL, org_id VARCHAR(36) NOT NULL)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5(body, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
    op.execute("DROP TABLE search_doc")
    
    with op.batch_alter_table('resolution_task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolution_task_resolution_id'))
        batch_op.drop_index(batch_op.f('ix_resolution_task_org_id'))
        batch_op.drop_index(batch_op.f('ix_resolution_task_change_seq'))

    op.drop_table('resolution_task')
    with op.batch_alter_table('recommendation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_status'))
        batch_op.drop_index(batch_op.f('ix_recommendation_raised_on'))
        batch_op.drop_index(batch_op.f('ix_recommendation_org_id'))
        batch_op.drop_index(batch_op.f('ix_recommendation_change_seq'))

    op.drop_table('recommendation')
    with op.batch_alter_table('speech', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_speech_org_id'))
        batch_op.drop_index(batch_op.f('ix_speech_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_speech_change_seq'))
        batch_op.drop_index(batch_op.f('ix_speech_agenda_item_id'))

    op.drop_table('speech')
    with op.batch_alter_table('resolution', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resolution_org_id'))
        batch_op.drop_index(batch_op.f('ix_resolution_change_seq'))

    op.drop_table('resolution')
    with op.batch_alter_table('meeting_guest', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_guest_org_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_guest_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_guest_change_seq'))

    op.drop_table('meeting_guest')
    with op.batch_alter_table('document_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_record_term_id'))
        batch_op.drop_index(batch_op.f('ix_document_record_org_id'))
        batch_op.drop_index(batch_op.f('ix_document_record_change_seq'))

    op.drop_table('document_record')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_org_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_member_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_change_seq'))

    op.drop_table('attendance')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_org_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_agenda_item_change_seq'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_scheduled_on'))
        batch_op.drop_index(batch_op.f('ix_meeting_org_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_kind'))
        batch_op.drop_index(batch_op.f('ix_meeting_change_seq'))

    op.drop_table('meeting')
    with op.batch_alter_table('committee_post', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_post_term_id'))
        batch_op.drop_index(batch_op.f('ix_committee_post_org_id'))
        batch_op.drop_index(batch_op.f('ix_committee_post_member_id'))
        batch_op.drop_index(batch_op.f('ix_committee_post_change_seq'))

    op.drop_table('committee_post')
    with op.batch_alter_table('member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_member_status'))
        batch_op.drop_index(batch_op.f('ix_member_sort_key'))
        batch_op.drop_index(batch_op.f('ix_member_org_id'))
        batch_op.drop_index(batch_op.f('ix_member_change_seq'))
        batch_op.drop_index(batch_op.f('ix_member_card_number'))

    op.drop_table('member')
    with op.batch_alter_table('committee_term', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_committee_term_org_id'))
        batch_op.drop_index(batch_op.f('ix_committee_term_change_seq'))

    op.drop_table('committee_term')
    with op.batch_alter_table('tombstone', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tombstone_record_id'))
        batch_op.drop_index(batch_op.f('ix_tombstone_change_seq'))

    op.drop_table('tombstone')
    op.drop_table('rule_set')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_org_id'))
        batch_op.drop_index(batch_op.f('ix_organisation_change_seq'))

    op.drop_table('organisation')
    op.drop_table('book_state')
    
