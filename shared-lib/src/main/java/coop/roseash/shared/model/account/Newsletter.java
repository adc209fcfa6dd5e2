package coop.roseash.shared.model.account;

import coop.roseash.shared.model.CreatedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A newsletter members can subscribe to. */
@Entity
@Table(name = "newsletters")
public class Newsletter extends CreatedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "newsletters_seq")
    @SequenceGenerator(name = "newsletters_seq", sequenceName = "newsletters_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public boolean active = true;
}
