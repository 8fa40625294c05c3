package org.guildhall.content.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LessonRepository extends JpaRepository<Lesson, UUID> {

  @Query("select l from Lesson l where l.sectionId = :sectionId order by l.position")
  List<Lesson> findBySection(UUID sectionId);

  @Query("select l from Lesson l where l.courseId = :courseId")
  List<Lesson> findByCourse(UUID courseId);
}
