"""DICOM PS3.15 Annex E, Basic Application Level Confidentiality Profile, as data.

The profile's table E.1-1 gives each identifying attribute an action: Z (replace with a
zero-length value), X (remove), U (replace UIDs consistently). The lists below follow it; on
top of the named attributes, `deidentify` applies three catch-alls that the profile implies:
every person name (VR PN) is emptied, every date and time (DA, DT, TM) is emptied (the profile
without the Retain Longitudinal option), and every instance UID that is not a well-known DICOM
UID is replaced. Private tags, curves (50xx) and overlays (60xx) are removed.
"""

from __future__ import annotations

from bot.detect.types import Kind

# Type 2 in the common IODs: kept present but empty (Z).
ZERO: frozenset[str] = frozenset(
    ["PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyDate", "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber", "ContentCreatorName", "FillerOrderNumberImagingServiceRequest", "PlacerOrderNumberImagingServiceRequest", "VerifyingObserverName", "PersonName"]
)

# Removed (X); the profile's D/X/Z choices for these are all satisfied by removal outside
# type 1 attributes, which none of these are in the image IODs phiwarden handles.
REMOVE: frozenset[str] = frozenset(
    ["AcquisitionComments", "AcquisitionContextSequence", "AcquisitionDate", "AcquisitionDateTime", "AcquisitionDeviceProcessingDescription", "AcquisitionProtocolDescription", "AcquisitionTime", "ActualHumanPerformersSequence", "AdditionalPatientHistory", "AdmissionID", "AdmittingDate", "AdmittingDiagnosesCodeSequence", "AdmittingDiagnosesDescription", "AdmittingTime", "Allergies", "Arbitrary", "AuthorObserverSequence", "BranchOfService", "CassetteID", "CommentsOnThePerformedProcedureStep", "ConfidentialityConstraintOnPatientDataDescription", "ConsultingPhysicianName", "ConsultingPhysicianIdentificationSequence", "ContentDate", "ContentTime", "ContributionDescription", "CountryOfResidence", "CurrentPatientLocation", "CurveDate", "CurveTime", "CustodialOrganizationSequence", "DataSetTrailingPadding", "DerivationDescription", "DetectorID", "DeviceSerialNumber", "DeviceDescription", "DigitalSignaturesSequence", "DischargeDiagnosisDescription", "DistributionAddress", "DistributionName", "EthnicGroup", "FrameComments", "GantryID", "GeneratorID", "GraphicAnnotationSequence", "HumanPerformerName", "HumanPerformerOrganization", "IconImageSequence", "IdentifyingComments", "ImageComments", "ImagePresentationComments", "ImagingServiceRequestComments", "Impressions", "InstanceCreationDate", "InstanceCreationTime", "InstanceCreatorUID", "InstitutionAddress", "InstitutionCodeSequence", "InstitutionName", "InstitutionalDepartmentName", "InstitutionalDepartmentTypeCodeSequence", "InsurancePlanIdentification", "IntendedRecipientsOfResultsIdentificationSequence", "InterpretationApproverSequence", "InterpretationAuthor", "InterpretationDiagnosisDescription", "InterpretationIDIssuer", "InterpretationRecorder", "InterpretationText", "InterpretationTranscriber", "IssuerOfAdmissionID", "IssuerOfPatientID", "IssuerOfServiceEpisodeID", "LastMenstrualDate", "MedicalAlerts", "MedicalRecordLocator", "MilitaryRank", "ModifiedAttributesSequence", "ModifiedImageDescription", "ModifyingDeviceID", "NameOfPhysiciansReadingStudy", "NamesOfIntendedRecipientsOfResults", "Occupation", "OperatorIdentificationSequence", "OperatorsName", "OrderCallbackPhoneNumber", "OrderCallbackTelecomInformation", "OrderEnteredBy", "OrderEntererLocation", "OriginalAttributesSequence", "OtherPatientIDs", "OtherPatientIDsSequence", "OtherPatientNames", "OverlayComments", "OverlayDate", "OverlayTime", "ParticipantSequence", "PatientAddress", "PatientAge", "PatientBirthName", "PatientBirthTime", "PatientComments", "PatientInstitutionResidence", "PatientInsurancePlanCodeSequence", "PatientMotherBirthName", "PatientPrimaryLanguageCodeSequence", "PatientPrimaryLanguageModifierCodeSequence", "PatientReligiousPreference", "PatientSexNeutered", "PatientSize", "PatientState", "PatientTelecomInformation", "PatientTelephoneNumbers", "PatientTransportArrangements", "PatientWeight", "PerformedLocation", "PerformedProcedureStepDescription", "PerformedProcedureStepEndDate", "PerformedProcedureStepEndTime", "PerformedProcedureStepID", "PerformedProcedureStepStartDate", "PerformedProcedureStepStartTime", "PerformedStationAETitle", "PerformedStationGeographicLocationCodeSequence", "PerformedStationName", "PerformedStationNameCodeSequence", "PerformingPhysicianIdentificationSequence", "PerformingPhysicianName", "PersonAddress", "PersonIdentificationCodeSequence", "PersonTelephoneNumbers", "PersonTelecomInformation", "PhysicianApprovingInterpretation", "PhysiciansOfRecord", "PhysiciansOfRecordIdentificationSequence", "PhysiciansReadingStudyIdentificationSequence", "PlateID", "PreMedication", "PregnancyStatus", "ReasonForImagingServiceRequest", "ReasonForStudy", "ReasonForTheRequestedProcedure", "ReferencedPatientAliasSequence", "ReferencedPatientPhotoSequence", "ReferencedPatientSequence", "ReferencedStudySequence", "ReferringPhysicianAddress", "ReferringPhysicianIdentificationSequence", "ReferringPhysicianTelephoneNumbers", "RegionOfResidence", "RequestAttributesSequence", "RequestedContrastAgent", "RequestedProcedureComments", "RequestedProcedureDescription", "RequestedProcedureID", "RequestedProcedureLocation", "RequestingPhysician", "RequestingService", "ResponsibleOrganization", "ResponsiblePerson", "ResponsiblePersonRole", "ResultsComments", "ResultsDistributionListSequence", "ResultsIDIssuer", "ReviewerName", "ScheduledHumanPerformersSequence", "ScheduledPatientInstitutionResidence", "ScheduledPerformingPhysicianIdentificationSequence", "ScheduledPerformingPhysicianName", "ScheduledProcedureStepDescription", "ScheduledProcedureStepEndDate", "ScheduledProcedureStepEndTime", "ScheduledProcedureStepLocation", "ScheduledProcedureStepStartDate", "ScheduledProcedureStepStartTime", "ScheduledStationAETitle", "ScheduledStationGeographicLocationCodeSequence", "ScheduledStationName", "ScheduledStationNameCodeSequence", "ScheduledStudyLocation", "ScheduledStudyLocationAETitle", "SeriesDate", "SeriesTime", "ServiceEpisodeDescription", "ServiceEpisodeID", "SmokingStatus", "SourceImageSequence", "SpecialNeeds", "StationName", "StudyComments", "StudyIDIssuer", "TextComments", "TextString", "TopicAuthor", "TopicKeywords", "TopicSubject", "TopicTitle", "VerifyingObserverIdentificationCodeSequence", "VerifyingObserverSequence", "VisitComments", "ProtocolName", "StudyDescription", "SeriesDescription", "PatientIdentityRemoved", "DeidentificationMethod", "DeidentificationMethodCodeSequence"]
)

# Subtypes reported as METADATA findings (names of what was present, never values).
IDENTIFYING = ("PatientName", "PatientID", "PatientBirthDate", "OtherPatientIDs", "OtherPatientNames",
               "OtherPatientIDsSequence", "AccessionNumber", "PatientAddress", "PatientTelephoneNumbers")
INSTITUTIONAL = ("InstitutionName", "InstitutionAddress", "InstitutionalDepartmentName", "StationName")

# Header values worth looking for in burned-in text (their OCR matches become findings).
BURNED_IN_TERMS: tuple[tuple[str, Kind], ...] = (
    ("PatientName", Kind.NAME),
    ("ReferringPhysicianName", Kind.NAME),
    ("PatientID", Kind.ID),
    ("OtherPatientIDs", Kind.ID),
    ("AccessionNumber", Kind.ID),
    ("StudyID", Kind.ID),
    ("PatientBirthDate", Kind.DATE),
    ("InstitutionName", Kind.LOCATION),
)

BASIC_PROFILE_CODE = ("113100", "DCM", "Basic Application Confidentiality Profile")
CLEAN_PIXEL_CODE = ("113101", "DCM", "Clean Pixel Data Option")
